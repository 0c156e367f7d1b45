// A deterministic, varied set of validated profiles for the benchmark peers: every route, both
// currencies, amounts on both sides of every threshold the rules in force on 2026-11-24 test
// (including amounts whose conversion lands exactly on a half-won or half-cent tie), ownership at
// and around 10% and 30%, every zone, sectors of each FIZ class, no technology, quantum and listed
// technologies, Seoul and elsewhere, headcounts around each count threshold, and optional costs.
import type { RuleSet } from "../../src/engine/rule-set.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { ROUTES, ZONES, type Profile, type ProfileInput } from "../../src/profile/schema.js";
import { divideHalfEven } from "../../src/money/round.js";
import { scaledRate } from "./common.js";

/** mulberry32: a small seeded generator, so that the set is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Rates in won per dollar. 1000 puts KRW amounts on half-cent ties; 199.999999 puts USD 500,000.00 on
 * KRW 99,999,999.5, a half-won tie just below the KRW 100 million minimum (half-even: it qualifies).
 */
const RATES = ["1380.55", "1000", "199.999999", "1250", "1457.123456", "1320.1", "987.654321", "1380.550000"];

type Threshold = readonly ["KRW" | "USD", bigint];

/** Thresholds the rules in force compare the investment amount with: [currency, minor units]. */
const THRESHOLDS: readonly Threshold[] = [
  ["KRW", 50_000_000n], //      foreign-investment nonprofit_min_krw
  ["KRW", 100_000_000n], //     foreign-investment min_amount_krw
  ["USD", 1_000_000_00n], //    (state land's old high-tech minimum; not in force: a control)
  ["USD", 2_000_000_00n], //    fiz-individual research_min_usd, capital goods high_tech_min_usd
  ["USD", 2_500_000_00n], //    state-land tier_min_usd
  ["USD", 5_000_000_00n], //    state-land manufacturing_min_usd
  ["USD", 10_000_000_00n], //   fiz-individual logistics_min_usd
  ["USD", 20_000_000_00n], //   fiz-individual tourism_min_usd
  ["USD", 30_000_000_00n], //   fiz-individual manufacturing_min_usd
];

/**
 * For each threshold (same order), the other fields that make it decide a program: the edge profiles below put
 * the amount one minor unit below, on, and one above the edge, with everything else passing.
 */
interface Decides {
  readonly route: (typeof ROUTES)[number];
  readonly sector: string;
  readonly technology: string | null;
  readonly zone: (typeof ZONES)[number];
  readonly hires: number;
  readonly researchers: number;
}

const DECIDES: readonly Decides[] = [
  { route: "nonprofit-contribution", sector: "research-development", technology: null, zone: "none", hires: 0, researchers: 0 }, // FI, nonprofit
  { route: "new-shares", sector: "wholesale-retail", technology: null, zone: "none", hires: 10, researchers: 0 }, // FI, shares; Seoul subsidies
  { route: "new-shares", sector: "wholesale-retail", technology: "other-annex-7", zone: "fiz-complex", hires: 0, researchers: 0 }, // control
  { route: "new-shares", sector: "research-development", technology: "semiconductors", zone: "none", hires: 0, researchers: 10 }, // FIZ research centre
  { route: "new-shares", sector: "manufacturing", technology: "semiconductors", zone: "none", hires: 0, researchers: 10 }, // a plant, not a research centre
  { route: "new-shares", sector: "software", technology: null, zone: "fiz-complex", hires: 200, researchers: 0 }, // state land worker tier
  { route: "new-shares", sector: "manufacturing", technology: null, zone: "industrial-complex", hires: 0, researchers: 0 }, // state land manufacturer
  { route: "new-shares", sector: "logistics", technology: null, zone: "none", hires: 0, researchers: 0 }, // FIZ logistics
  { route: "new-shares", sector: "tourism", technology: null, zone: "none", hires: 0, researchers: 0 }, // FIZ tourism
  { route: "new-shares", sector: "manufacturing", technology: null, zone: "none", hires: 0, researchers: 0 }, // FIZ manufacturing
];

/** Rates that put the cross-currency edge of a threshold exactly on a half-unit tie. */
const TIE_RATE: Readonly<Record<"KRW" | "USD", string>> = { KRW: "199.999999", USD: "1000" };

const OWNERSHIP = ["0", "5", "9.9999", "10", "10.0001", "20", "29.9999", "30", "30.0000", "30.0001", "49.5", "50", "100", "100.0000"];
const HIRES = [0, 5, 6, 14, 15, 16, 49, 50, 51, 69, 70, 71, 99, 100, 101, 149, 150, 199, 200, 201, 299, 300, 301];
const RESEARCHERS = [0, 4, 5, 6, 9, 10, 11];
const LOAN_YEARS = [0, 3, 4.5, 4.99, 5, 5.01, 7, 10];
/** Sectors weighted towards those an individual FIZ, the rent support or the zone rules name. */
const FAVOURED_SECTORS = [
  "manufacturing", "software", "data-processing", "logistics", "tourism", "arts-leisure", "performance-halls",
  "research-development", "finance-insurance", "information-communication", "professional-services", "health",
  "games", "creative-arts",
];

/** Minor units as a decimal string of the currency: 123456n USD → "1234.56" (or "1234.5", "1234"). */
function amountText(minor: bigint, currency: "KRW" | "USD", style: number): string {
  if (currency === "KRW") return minor.toString();
  const whole = minor / 100n;
  const cents = minor % 100n;
  if (cents === 0n && style < 0.5) return whole.toString();
  if (cents % 10n === 0n && style < 0.75) return `${whole}.${cents / 10n}`;
  return `${whole}.${cents.toString().padStart(2, "0")}`;
}

/**
 * An amount in `currency` next to a threshold in its own or the other currency: `step` minor units
 * from the smallest amount whose (half-even) conversion reaches the threshold.
 */
function nearThreshold(threshold: Threshold, currency: "KRW" | "USD", rateText: string, step: bigint): bigint {
  const [unit, value] = threshold;
  const rate = scaledRate(rateText);
  if (unit === currency) return value + step;
  // The half-even conversion reaches value when the exact converted amount is at least value - 1/2
  // (every threshold is even in minor units, so a tie there rounds up to it).
  const ceil = (n: bigint, d: bigint) => (n + d - 1n) / d;
  const edge = unit === "USD"
    ? ceil((2n * value - 1n) * rate.digits, 2n * rate.centsUnit) // won whose cents reach value
    : ceil((2n * value - 1n) * rate.centsUnit, 2n * rate.digits); // cents whose won reach value
  return edge + step;
}

interface Edge {
  readonly decides: Decides;
  readonly currency: "KRW" | "USD";
  readonly krwPerUsd: string;
  readonly minor: bigint;
}

/** Every threshold, in its own currency and the other (at a tie rate and an ordinary one), at -1, 0, +1. */
function edges(): Edge[] {
  const list: Edge[] = [];
  THRESHOLDS.forEach((threshold, k) => {
    const own = threshold[0];
    const other = own === "USD" ? "KRW" : "USD";
    const plans: [typeof own, string][] = [[own, "1380.55"], [other, TIE_RATE[own]], [other, "1380.55"]];
    for (const [currency, krwPerUsd] of plans) {
      for (const step of [-1n, 0n, 1n]) {
        list.push({ decides: DECIDES[k]!, currency, krwPerUsd, minor: nearThreshold(threshold, currency, krwPerUsd, step) });
      }
    }
  });
  return list;
}

type InvestmentInput = ProfileInput["investment"];
type BusinessInput = ProfileInput["business"];
type SiteInput = ProfileInput["site"];
type CostsInput = NonNullable<ProfileInput["costs"]>;

/** A scenario: what differs from a plain profile that passes foreign-investment and little else. */
interface Scenario {
  readonly investment?: Partial<InvestmentInput>;
  readonly business?: Partial<BusinessInput>;
  readonly site?: Partial<SiteInput>;
  readonly employment?: { readonly newRegularEmployees?: number; readonly researchers?: number };
  readonly costs?: CostsInput;
}

/** Only for the type check of each literal below. */
const s = (scenario: Scenario): Scenario => scenario;

/**
 * Profiles on either side of the count, percentage and flag tests, each with the other tests of its
 * program passing, so that the one test decides. The amount is USD 1 million unless said. The rent
 * and state-land scenarios give the costs their benefits read (in USD, at KRW 1,380.55), some chosen
 * so that the won land on a half-won tie when the percentage is applied.
 */
const SCENARIOS: readonly Scenario[] = [
  // foreign-investment: the routes, the 10% and the officer; the supply contract no longer counts.
  s({ investment: { route: "long-term-loan", loanTermYears: 4.99, foreignOwnershipPct: "0" } }),
  s({ investment: { route: "long-term-loan", loanTermYears: 5, foreignOwnershipPct: "0" } }),
  s({ investment: { route: "reinvested-earnings", foreignOwnershipPct: "0" } }),
  // Reinvested earnings count times the foreign share: USD 50 million at 60% is the individual FIZ's USD 30 million.
  s({ investment: { route: "reinvested-earnings", amount: "50000000", foreignOwnershipPct: "60" } }),
  s({ investment: { route: "reinvested-earnings", amount: "50000000", foreignOwnershipPct: "59.9999" } }),
  s({ investment: { route: "existing-shares", foreignOwnershipPct: "9.9999" } }),
  s({ investment: { route: "existing-shares", foreignOwnershipPct: "10" } }),
  s({ investment: { foreignOwnershipPct: "5", officerDispatched: true } }),
  s({ investment: { foreignOwnershipPct: "5", supplyOrTechnologyContract: true } }),
  s({ investment: { route: "nonprofit-contribution", foreignOwnershipPct: "9.9999" } }),
  s({ investment: { route: "nonprofit-contribution", foreignOwnershipPct: "10" } }),
  // fiz-individual, research centre: researchers, ownership, a technology not on annex 7.
  s({ investment: { amount: "2000000", foreignOwnershipPct: "30" }, business: { technology: "vaccines" }, employment: { researchers: 9 } }),
  s({ investment: { amount: "2000000", foreignOwnershipPct: "30" }, business: { technology: "vaccines" }, employment: { researchers: 10 } }),
  s({ investment: { amount: "2000000", foreignOwnershipPct: "29.9999" }, business: { technology: "vaccines" }, employment: { researchers: 10 } }),
  s({ investment: { amount: "2000000" }, business: { technology: "quantum-computing" }, employment: { researchers: 10 } }),
  s({ investment: { amount: "30000000" }, business: { sector: "wholesale-retail", technology: "other-annex-7" } }),
  s({ investment: { amount: "30000000" }, business: { sector: "wholesale-retail", technology: "quantum-sensing" } }),
  s({ investment: { amount: "20000000" }, business: { sector: "arts-leisure" } }),
  // cash-grant: the 30%, each route (a regional headquarters' parent holding half), the jobs route's "more than", the research non-profit.
  s({ investment: { foreignOwnershipPct: "29.9999" }, business: { technology: "hydrogen" } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { technology: "other-ida-high-tech" } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { materialsPartsEquipment: true } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { regionalHeadquarters: true } }), // the parent cannot hold half
  s({ investment: { foreignOwnershipPct: "49.9999" }, business: { regionalHeadquarters: true } }),
  s({ investment: { foreignOwnershipPct: "50" }, business: { regionalHeadquarters: true } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "manufacturing" }, employment: { newRegularEmployees: 300 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "manufacturing" }, employment: { newRegularEmployees: 301 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "real-estate" }, employment: { newRegularEmployees: 50 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "real-estate" }, employment: { newRegularEmployees: 51 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "education" }, employment: { newRegularEmployees: 100 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "education" }, employment: { newRegularEmployees: 101 } }),
  s({ investment: { route: "existing-shares", foreignOwnershipPct: "30" }, business: { technology: "hydrogen" } }),
  s({ investment: { route: "nonprofit-contribution", foreignOwnershipPct: "30" }, business: { technology: "other-ida-high-tech" }, employment: { researchers: 4 } }),
  s({ investment: { route: "nonprofit-contribution", foreignOwnershipPct: "30" }, business: { technology: "other-ida-high-tech" }, employment: { researchers: 5 } }),
  s({ investment: { route: "nonprofit-contribution", foreignOwnershipPct: "30" }, business: { materialsPartsEquipment: true }, employment: { researchers: 5 } }),
  s({ investment: { route: "nonprofit-contribution", foreignOwnershipPct: "30" }, business: { materialsPartsEquipment: true, materialsOrParts: true }, employment: { researchers: 5 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { materialsPartsEquipment: true, materialsOrParts: true }, employment: { researchers: 5 } }),
  s({ investment: { route: "nonprofit-contribution", foreignOwnershipPct: "30" }, business: { technology: "quantum-computing" }, employment: { researchers: 5 } }),
  s({ investment: { route: "nonprofit-contribution", foreignOwnershipPct: "30" }, business: { regionalHeadquarters: true }, employment: { researchers: 5 } }),
  // Seoul subsidies: the region, "more than 5", the 30%.
  s({ investment: { foreignOwnershipPct: "30" }, site: { region: "seoul" }, employment: { newRegularEmployees: 5 } }),
  s({ investment: { foreignOwnershipPct: "30" }, site: { region: "seoul" }, employment: { newRegularEmployees: 6 } }),
  s({ investment: { foreignOwnershipPct: "29.9999" }, site: { region: "seoul" }, employment: { newRegularEmployees: 6 } }),
  s({ investment: { foreignOwnershipPct: "30" }, site: { region: "gyeonggi" }, employment: { newRegularEmployees: 6 } }),
  // service-fiz-rent-support: researchers, staff, each service, the regional headquarters.
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "research-development" }, site: { zone: "fiz-service" }, employment: { researchers: 4 }, costs: { annualBuildingRent: "100000" } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "research-development" }, site: { zone: "fiz-service" }, employment: { researchers: 5 }, costs: { annualBuildingRent: "100000" } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "finance-insurance" }, site: { zone: "fiz-service" }, employment: { newRegularEmployees: 14 } }),
  // KRW 170,438,285 a year: half of it is KRW 85,219,142.5 (a tie).
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "finance-insurance" }, site: { zone: "fiz-service" }, employment: { newRegularEmployees: 15 }, costs: { annualBuildingRent: "123456.80" } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "professional-services" }, site: { zone: "fiz-service" }, employment: { newRegularEmployees: 15 }, costs: { annualBuildingRent: "0.01" } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "tourism" }, site: { zone: "fiz-service" }, employment: { newRegularEmployees: 15 }, costs: { annualBuildingRent: "1" } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "education" }, site: { zone: "fiz-service" }, employment: { newRegularEmployees: 15 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { regionalHeadquarters: true }, site: { zone: "fiz-service" }, employment: { newRegularEmployees: 15 }, costs: { annualBuildingRent: "99999.99" } }),
  s({ investment: { foreignOwnershipPct: "29.9999" }, business: { sector: "software" }, site: { zone: "fiz-service" }, employment: { newRegularEmployees: 15 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { sector: "software" }, site: { zone: "fiz-complex" }, employment: { newRegularEmployees: 15 } }),
  // state-land-rent-reduction: the 70-worker tier, the business the tiers need, the 30% exceptions.
  s({ investment: { amount: "2500000", foreignOwnershipPct: "30" }, business: { sector: "software" }, site: { zone: "fiz-complex" }, employment: { newRegularEmployees: 69 } }),
  // KRW 1,380,557,400 of land: 1% at 75% is KRW 10,354,180.5 a year (a tie), for 50 of the 60 years.
  s({ investment: { amount: "2500000", foreignOwnershipPct: "30" }, business: { sector: "software" }, site: { zone: "fiz-complex" }, employment: { newRegularEmployees: 70 }, costs: { stateLandValue: "1000005.36", leaseYears: 60 } }),
  s({ investment: { amount: "2500000", foreignOwnershipPct: "30" }, business: { sector: "software" }, site: { zone: "fiz-complex", region: "chungnam" }, employment: { newRegularEmployees: 149 }, costs: { stateLandValue: "1000000", leaseYears: 10 } }),
  // KRW 1,380,584,500 of land: 1% at 90% is KRW 12,425,260.5 a year (a tie).
  s({ investment: { amount: "2500000", foreignOwnershipPct: "30" }, business: { sector: "software" }, site: { zone: "fiz-complex", region: "chungnam" }, employment: { newRegularEmployees: 150 }, costs: { stateLandValue: "1000024.99", leaseYears: 10 } }),
  s({ investment: { amount: "2500000", foreignOwnershipPct: "30" }, business: { sector: "logistics" }, site: { zone: "industrial-complex" }, employment: { newRegularEmployees: 69 } }),
  // KRW 1,380,553,300 of land: 1% at 50% is KRW 6,902,766.5 a year (a tie).
  s({ investment: { amount: "2500000", foreignOwnershipPct: "30" }, business: { sector: "logistics" }, site: { zone: "industrial-complex" }, employment: { newRegularEmployees: 70 }, costs: { stateLandValue: "1000002.39", leaseYears: 50 } }),
  s({ investment: { amount: "2500000", foreignOwnershipPct: "30" }, business: { sector: "wholesale-retail" }, site: { zone: "fiz-complex" }, employment: { newRegularEmployees: 200 } }),
  s({ investment: { amount: "2500000", foreignOwnershipPct: "30" }, business: { technology: "quantum-computing" }, site: { zone: "fiz-complex" }, employment: { newRegularEmployees: 200 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { technology: "displays" }, site: { zone: "industrial-complex" }, costs: { stateLandValue: "333333.33", leaseYears: 49 } }),
  s({ investment: { foreignOwnershipPct: "30" }, business: { technology: "quantum-communication" }, site: { zone: "industrial-complex" } }),
  s({ investment: { foreignOwnershipPct: "20" }, business: { technology: "displays" }, site: { zone: "fiz-complex" }, costs: { stateLandValue: "0.01", leaseYears: 1 } }),
  s({ investment: { amount: "5000000", foreignOwnershipPct: "20" }, business: { sector: "manufacturing" }, site: { zone: "fiz-complex" }, employment: { newRegularEmployees: 300 } }),
  // KRW 10,567,173,050 of land: 1% is KRW 105,671,730.5 a year (a tie).
  s({ investment: { amount: "5000000", foreignOwnershipPct: "20" }, business: { sector: "manufacturing" }, site: { zone: "fiz-complex" }, employment: { newRegularEmployees: 301 }, costs: { stateLandValue: "7654321.14", leaseYears: 10 } }),
  s({ investment: { amount: "30000000", foreignOwnershipPct: "20" }, business: { sector: "manufacturing" }, site: { zone: "none" }, costs: { stateLandValue: "20000000", leaseYears: 30 } }),
  s({ investment: { foreignOwnershipPct: "29.9999" }, site: { zone: "fiz-service" } }),
  // Without the lease term the reduction is not estimated.
  s({ investment: { foreignOwnershipPct: "30" }, site: { zone: "fiz-service" }, costs: { stateLandValue: "1000000" } }),
  s({ investment: { foreignOwnershipPct: "30" }, site: { zone: "free-economic-zone" }, business: { sector: "manufacturing" } }),
  // capital-goods-tax-exemption: every test but the tax reduction it serves (none after 2025) passes.
  s({ investment: { amount: "2000000" }, business: { technology: "semiconductors" }, site: { zone: "fiz-complex" } }),
];

function scenarioInput(scenario: Scenario, region: string): ProfileInput {
  return {
    asOf: "2026-11-24",
    investment: { route: "new-shares", amount: "1000000", currency: "USD", foreignOwnershipPct: "100", ...scenario.investment },
    business: { sector: "wholesale-retail", technology: null, ...scenario.business },
    site: { region, zone: "none", ...scenario.site },
    employment: { newRegularEmployees: 0, researchers: 0, ...scenario.employment },
    costs: { ...scenario.costs },
    exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-24", source: "bench peers" },
  };
}

/**
 * `count` validated profiles, all as of 2026-11-24 with an explicit rate; the same on every call. The
 * first 81 sit on the edge of each amount threshold, the next (SCENARIOS) on the edge of the other
 * tests, and the rest are drawn at random.
 */
export function benchmarkProfiles(ruleSet: RuleSet, count = 300): Profile[] {
  const random = generator(0x2026_1124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const sectors = [...ruleSet.tables.sectors.rows.keys()];
  const technologies = [...ruleSet.tables.technologies.rows.keys()];
  const quantum = technologies.filter((code) => code.startsWith("quantum-"));
  const regions = [...ruleSet.tables.regions.rows.keys()];
  const edgeList = edges();

  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const scenario = SCENARIOS[i - edgeList.length];
    if (scenario) {
      profiles.push(parseProfile(scenarioInput(scenario, scenario.site?.region ?? pick(regions.filter((r) => r !== "seoul"))), ruleSet.profileSchema));
      continue;
    }
    const edge = edgeList[i];
    const route = edge ? edge.decides.route : chance(0.55) ? "new-shares" : pick(ROUTES);
    const currency = edge ? edge.currency : chance(0.5) ? "USD" : "KRW";
    const krwPerUsd = edge ? edge.krwPerUsd : pick(RATES);
    let minor: bigint;
    if (edge) {
      minor = edge.minor;
    } else if (chance(0.65)) {
      minor = nearThreshold(pick(THRESHOLDS), currency, krwPerUsd, BigInt(Math.floor(random() * 7) - 3));
    } else {
      // Log-uniform from about USD 20,000 to USD 80 million, in the profile's currency.
      const cents = BigInt(Math.round(2_000_000 * Math.exp(random() * Math.log(4_000))));
      const rate = scaledRate(krwPerUsd);
      minor = currency === "USD" ? cents : divideHalfEven(cents * rate.digits, rate.centsUnit);
    }
    if (minor < 1n) minor = 1n;
    const technology = edge ? edge.decides.technology : chance(0.25) ? null : chance(0.2) ? pick(quantum) : pick(technologies);
    const kind = random();
    const loanTermYears = route === "long-term-loan" || chance(0.05) ? pick(LOAN_YEARS) : undefined;
    const money = (cents: number) => {
      const rate = scaledRate(krwPerUsd);
      const value = BigInt(cents);
      return currency === "USD" ? amountText(value, "USD", random()) : divideHalfEven(value * rate.digits, rate.centsUnit).toString();
    };
    const costs: NonNullable<ProfileInput["costs"]> = {};
    if (chance(0.4)) {
      costs.capitalGoodsImports = money(Math.floor(random() * 5_000_000_00));
      costs.customsDutyRatePct = pick(["0", "8", "6.5", "13.25"]);
      if (chance(0.5)) costs.individualConsumptionTaxRatePct = pick(["0", "5"]);
    }
    if (chance(0.3)) costs.propertyAcquisition = money(Math.floor(random() * 20_000_000_00));
    if (chance(0.3)) costs.annualPropertyTax = money(Math.floor(random() * 50_000_00));
    if (chance(0.3)) {
      costs.stateLandValue = money(Math.floor(random() * 10_000_000_00));
      costs.leaseYears = pick([1, 10, 49, 50, 60]);
    }
    if (chance(0.3)) costs.annualCorporateTax = money(Math.floor(random() * 2_000_000_00));
    if (chance(0.3)) costs.annualBuildingRent = money(Math.floor(random() * 1_000_000_00));
    const ownership = chance(0.7) ? pick(OWNERSHIP) : (Math.floor(random() * 1_000_001) / 10_000).toString();
    const officerDispatched = chance(0.25);
    const supplyOrTechnologyContract = chance(0.2);
    const sector = chance(0.6) ? pick(FAVOURED_SECTORS) : pick(sectors);
    const materialsPartsEquipment = chance(0.2);
    const regionalHeadquarters = chance(0.15);
    const region = chance(0.35) ? "seoul" : pick(regions);
    const zone = kind < 0.25 ? "fiz-service" : pick(ZONES);
    const hires = chance(0.8) ? pick(HIRES) : Math.floor(random() * 1_000);
    const researchers = chance(0.8) ? pick(RESEARCHERS) : Math.floor(random() * 40);
    const rateDate = chance(0.5) ? "2026-11-20" : "2026-11-24";

    const input: ProfileInput = {
      asOf: "2026-11-24",
      investment: {
        route,
        amount: amountText(minor, currency, random()),
        currency,
        // An edge profile passes every test but the amount's: 100% foreign-owned, no flags to lean on.
        foreignOwnershipPct: edge ? "100" : ownership,
        officerDispatched: edge ? false : officerDispatched,
        supplyOrTechnologyContract,
        ...(loanTermYears === undefined ? {} : { loanTermYears }),
      },
      business: {
        sector: edge ? edge.decides.sector : sector,
        technology,
        materialsPartsEquipment: edge ? false : materialsPartsEquipment,
        // Every other maker of materials, parts or equipment makes materials or parts (no random draw:
        // the other profiles stay as they were).
        materialsOrParts: !edge && materialsPartsEquipment && i % 2 === 0,
        regionalHeadquarters: edge ? false : regionalHeadquarters,
      },
      site: { region: edge ? (i % 2 ? "seoul" : "chungnam") : region, zone: edge ? edge.decides.zone : zone },
      employment: {
        newRegularEmployees: edge ? edge.decides.hires : hires,
        researchers: edge ? edge.decides.researchers : researchers,
      },
      costs,
      exchangeRate: { krwPerUsd, date: rateDate, source: "bench peers" },
    };
    profiles.push(parseProfile(input, ruleSet.profileSchema));
  }
  return profiles;
}
