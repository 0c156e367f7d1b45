// A deterministic, varied set of validated profiles for the benchmark peers: every route, both
// currencies, amounts on both sides of every threshold the rules in force on 2026-11-24 test
// (including amounts whose conversion lands exactly on a half-won or half-cent tie), ownership at
// and around 10% and 30%, every zone, sectors of each FIZ class, no technology, quantum and listed
// technologies, Seoul and elsewhere, headcounts around each count threshold, and optional costs.
import type { RuleSet } from "../../src/engine/rule-set.js";
import { parseProfile } from "../../src/profile/parse-profile.js";
import { ROUTES, ZONES, type Profile, type ProfileInput } from "../../src/profile/schema.js";
import { divideHalfEven, scaledRate } from "./common.js";

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

/** Thresholds the rules in force compare the investment amount with: [currency, minor units]. */
const THRESHOLDS: readonly (readonly ["KRW" | "USD", bigint])[] = [
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

const OWNERSHIP = ["0", "5", "9.9999", "10", "10.0001", "20", "29.9999", "30", "30.0000", "30.0001", "49.5", "50", "100", "100.0000"];
const HIRES = [0, 5, 6, 14, 15, 16, 49, 50, 51, 69, 70, 71, 99, 100, 101, 149, 150, 199, 200, 201, 299, 300, 301];
const RESEARCHERS = [0, 4, 5, 6, 9, 10, 11];
const LOAN_YEARS = [0, 3, 4.5, 4.99, 5, 5.01, 7, 10];
/** Sectors weighted towards those an individual FIZ, the rent support or the zone rules name. */
const FAVOURED_SECTORS = [
  "manufacturing", "software", "data-processing", "logistics", "tourism", "arts-leisure",
  "research-development", "finance-insurance", "information-communication", "professional-services", "health",
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
function nearThreshold(threshold: readonly ["KRW" | "USD", bigint], currency: "KRW" | "USD", rateText: string, step: bigint): bigint {
  const [unit, value] = threshold;
  const rate = scaledRate(rateText);
  if (unit === currency) return value + step;
  // The conversion reaches value when the exact converted amount is at least value - 1/2.
  const ceil = (n: bigint, d: bigint) => (n + d - 1n) / d;
  const edge = unit === "USD"
    ? ceil((2n * value - 1n) * rate.digits, 2n * rate.centsUnit) // won whose cents reach value
    : ceil((2n * value - 1n) * rate.centsUnit, 2n * rate.digits); // cents whose won reach value
  return edge + step;
}

/** `count` validated profiles, all as of 2026-11-24 with an explicit rate; the same on every call. */
export function benchmarkProfiles(ruleSet: RuleSet, count = 300): Profile[] {
  const random = generator(0x2026_1124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const sectors = [...ruleSet.tables.sectors.rows.keys()];
  const technologies = [...ruleSet.tables.technologies.rows.keys()];
  const quantum = technologies.filter((code) => code.startsWith("quantum-"));
  const regions = [...ruleSet.tables.regions.rows.keys()];

  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const route = chance(0.55) ? "new-shares" : pick(ROUTES);
    const currency = chance(0.5) ? "USD" : "KRW";
    const krwPerUsd = pick(RATES);
    let minor: bigint;
    if (chance(0.65)) {
      minor = nearThreshold(pick(THRESHOLDS), currency, krwPerUsd, BigInt(Math.floor(random() * 7) - 3));
    } else {
      // Log-uniform from about USD 20,000 to USD 80 million, in the profile's currency.
      const cents = BigInt(Math.round(2_000_000 * Math.exp(random() * Math.log(4_000))));
      const rate = scaledRate(krwPerUsd);
      minor = currency === "USD" ? cents : divideHalfEven(cents * rate.digits, rate.centsUnit);
    }
    if (minor < 1n) minor = 1n;
    const technology = chance(0.25) ? null : chance(0.2) ? pick(quantum) : pick(technologies);
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

    const input: ProfileInput = {
      asOf: "2026-11-24",
      investment: {
        route,
        amount: amountText(minor, currency, random()),
        currency,
        foreignOwnershipPct: chance(0.7) ? pick(OWNERSHIP) : (Math.floor(random() * 1_000_001) / 10_000).toString(),
        officerDispatched: chance(0.25),
        supplyOrTechnologyContract: chance(0.2),
        ...(loanTermYears === undefined ? {} : { loanTermYears }),
      },
      business: {
        sector: chance(0.6) ? pick(FAVOURED_SECTORS) : pick(sectors),
        technology,
        materialsPartsEquipment: chance(0.2),
        regionalHeadquarters: chance(0.15),
      },
      site: {
        region: chance(0.35) ? "seoul" : pick(regions),
        zone: kind < 0.25 ? "fiz-service" : pick(ZONES),
      },
      employment: {
        newRegularEmployees: chance(0.8) ? pick(HIRES) : Math.floor(random() * 1_000),
        researchers: chance(0.8) ? pick(RESEARCHERS) : Math.floor(random() * 40),
      },
      costs,
      exchangeRate: { krwPerUsd, date: chance(0.5) ? "2026-11-20" : "2026-11-24", source: "bench peers" },
    };
    profiles.push(parseProfile(input, ruleSet.profileSchema));
  }
  return profiles;
}
