// Shared by the benchmark peers: the program ids, exact money conversion on bigint minor units (the
// same arithmetic as src/money/exchange-rate.ts, written again here so that the peers do not lean on
// the engine), the reference tables as of 2026-11-24, and the plain-number facts the json-rules-engine
// and ZEN peers are fed.
//
// Every peer models only the program versions in force on 2026-11-24. Those versions, and every
// parameter value they read, are unchanged from 2026-01-01 on (capital-goods-tax-exemption's second
// version starts then; local-tax-reduction ended 2025-12-31), so the peers accept any as-of date from
// 2026-01-01 and refuse earlier ones rather than answer for versions they do not model.
import type { Profile } from "../../src/profile/schema.js";
import { divideHalfEven } from "../../src/money/round.js";

export const PROGRAM_IDS = [
  "foreign-investment",
  "fiz-individual",
  "cash-grant",
  "corporate-tax-reduction",
  "local-tax-reduction",
  "capital-goods-tax-exemption",
  "seoul-employment-subsidy",
  "seoul-training-subsidy",
  "service-fiz-rent-support",
  "state-land-rent-reduction",
] as const;

export type ProgramId = (typeof PROGRAM_IDS)[number];
export type Status = "eligible" | "ineligible" | "not-in-force";
export type Statuses = Record<ProgramId, Status>;

/** The earliest as-of date for which the modelled versions and parameter values are the ones in force. */
export const MODELLED_FROM = "2026-01-01";

export function assertModelledDate(asOf: string): void {
  if (asOf < MODELLED_FROM) {
    throw new RangeError(`the benchmark peers model the rules in force from ${MODELLED_FROM} only, not on ${asOf}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Money: bigint minor units (whole won, US cents), converted at the profile's rate and rounded once,
// half-even, exactly as src/money/exchange-rate.ts does.

const TEN = 10n;
const POW10: readonly bigint[] = Array.from({ length: 40 }, (_, i) => TEN ** BigInt(i));

export interface ScaledRate {
  /** The rate's digits as an integer: "1380.55" → 138055n. */
  readonly digits: bigint;
  /** 10^(digits after the point): "1380.55" → 100n. */
  readonly unit: bigint;
  /** 10^(2 + digits after the point): cents × digits / centsUnit = won. */
  readonly centsUnit: bigint;
}

/** Rates seen, by their text: a benchmark sends the same few rates many times. */
const rates = new Map<string, ScaledRate>();
const RATES_KEPT = 256;

/** A rate's decimal text as an integer over a power of ten; trailing zeros change neither result. */
export function scaledRate(text: string): ScaledRate {
  let rate = rates.get(text);
  if (rate) return rate;
  const dot = text.indexOf(".");
  const fraction = dot < 0 ? "" : text.slice(dot + 1);
  rate = scaledRateOfDigits(BigInt(dot < 0 ? text : text.slice(0, dot) + fraction), fraction.length);
  if (rates.size >= RATES_KEPT) rates.clear();
  rates.set(text, rate);
  return rate;
}

/** A validated amount string in minor units: "1234.5" USD → 123450n; KRW amounts are whole won. */
export function minorUnits(text: string, currency: "USD" | "KRW"): bigint {
  if (currency === "KRW") return BigInt(text);
  const dot = text.indexOf(".");
  if (dot < 0) return BigInt(text) * 100n;
  const fraction = text.slice(dot + 1);
  return BigInt(text.slice(0, dot) + (fraction.length === 1 ? `${fraction}0` : fraction));
}

/** Dollars (in cents) a profile gives, in whole won at the rate, rounded down as src/engine/facts.ts converts them. */
export function givenInWon(cents: bigint, rate: ScaledRate): bigint {
  return (cents * rate.digits) / rate.centsUnit;
}

/** Won a profile gives, in cents at the rate, rounded down likewise. */
export function givenInCents(won: bigint, rate: ScaledRate): bigint {
  return (won * 100n * rate.unit) / rate.digits;
}

/** Won to cents at the rate, half-even. */
export function wonToCents(won: bigint, rate: ScaledRate): bigint {
  return divideHalfEven(won * 100n * rate.unit, rate.digits);
}

/** A rate given as its digits and the number of them after the point: (138055n, 2) is 1380.55. */
export function scaledRateOfDigits(digits: bigint, places: number): ScaledRate {
  return { digits, unit: POW10[places]!, centsUnit: POW10[places + 2]! };
}

/** The profile's amount in both currencies, { won, cents }, at the rate given or else the profile's own. */
export function amountBoth(profile: Profile, rate?: ScaledRate): { readonly won: bigint; readonly cents: bigint } {
  const { amount, currency } = profile.investment;
  if (rate === undefined) {
    const rateText = profile.exchangeRate?.krwPerUsd;
    if (rateText === undefined) throw new RangeError("the benchmark peers need the profile's exchangeRate");
    rate = scaledRate(rateText);
  }
  const given = minorUnits(amount, currency);
  // Reinvested earnings count at the amount used times the foreign share (FIPA 2(1)4라). The share and
  // the conversion are rounded down, as the amounts thresholds are compared with are.
  const minor = profile.investment.route === "reinvested-earnings" ? (given * BigInt(percentE4(profile.investment.foreignOwnershipPct))) / 1_000_000n : given;
  return currency === "USD" ? { won: givenInWon(minor, rate), cents: minor } : { won: minor, cents: givenInCents(minor, rate) };
}

/** A validated percentage ("29.9999") in units of 1/10,000 of a percent, exact as a number (≤ 1,000,000). */
export function percentE4(text: string): number {
  const dot = text.indexOf(".");
  if (dot < 0) return Number(text) * 10_000;
  const fraction = text.slice(dot + 1);
  return Number(text.slice(0, dot)) * 10_000 + Number(fraction.padEnd(4, "0"));
}

// ---------------------------------------------------------------------------------------------------
// Reference tables, the rows in force on 2026-11-24.

export type FizClass = "manufacturing-ict" | "tourism-leisure" | "logistics-infrastructure" | "none";

export interface SectorRow {
  /** rules/reference/sectors.yaml column cash_grant_jobs. */
  readonly cashGrantJobs: number;
  /** rules/reference/sectors.yaml column fiz_class. */
  readonly fizClass: FizClass;
  /** rules/reference/sectors.yaml columns fiz_tax_business, fez_service, knowledge_service and
   *  cultural_industry (absent: false). */
  readonly fizTaxBusiness: boolean;
  readonly fezService: boolean;
  readonly knowledgeService: boolean;
  readonly culturalIndustry: boolean;
}

type SectorFlags = Partial<Pick<SectorRow, "fizTaxBusiness" | "fezService" | "knowledgeService" | "culturalIndustry">>;

const sector = (cashGrantJobs: number, fizClass: FizClass, flags: SectorFlags = {}): SectorRow => ({
  cashGrantJobs, fizClass, fizTaxBusiness: false, fezService: false, knowledgeService: false, culturalIndustry: false, ...flags,
});

/** rules/reference/sectors.yaml (no dated values). */
export const SECTORS: Readonly<Record<string, SectorRow>> = {
  "manufacturing": sector(300, "manufacturing-ict", { fizTaxBusiness: true }),
  "mining": sector(300, "none"),
  "construction": sector(300, "none"),
  "logistics": sector(300, "logistics-infrastructure", { fizTaxBusiness: true }),
  "transport": sector(300, "none"),
  "software": sector(300, "manufacturing-ict", { fizTaxBusiness: true, fezService: true, knowledgeService: true }),
  "data-processing": sector(300, "manufacturing-ict", { fizTaxBusiness: true, fezService: true, knowledgeService: true }),
  "telecommunications": sector(300, "none", { fezService: true, knowledgeService: true }),
  "games": sector(300, "none", { fezService: true, culturalIndustry: true }),
  "film-broadcast-production": sector(300, "none", { fezService: true, culturalIndustry: true }),
  "information-services": sector(300, "none", { fezService: true, knowledgeService: true }),
  "information-communication": sector(300, "none", { knowledgeService: true, culturalIndustry: true }),
  "business-support": sector(300, "none"),
  "health": sector(300, "none"),
  "agriculture": sector(200, "none"),
  "utilities": sector(200, "none"),
  "wholesale-retail": sector(200, "none"),
  "tourism": sector(200, "tourism-leisure", { fizTaxBusiness: true }),
  "food-service": sector(200, "none"),
  "finance-insurance": sector(200, "none"),
  "engineering": sector(200, "none", { fezService: true, knowledgeService: true }),
  "professional-services": sector(200, "none", { knowledgeService: true }),
  "research-development": sector(200, "none", { fizTaxBusiness: true }),
  "performance-halls": sector(200, "tourism-leisure", { fezService: true, culturalIndustry: true }),
  "creative-arts": sector(200, "none", { fezService: true, culturalIndustry: true }),
  "arts-leisure": sector(200, "tourism-leisure"),
  "leisure-other": sector(200, "none"),
  "waste-management": sector(100, "none"),
  "education": sector(100, "none"),
  "repair-personal-services": sector(100, "none"),
  "real-estate": sector(50, "none"),
};

export interface TechnologyRow {
  /** rules/reference/technologies.yaml column new_growth_engine (absent: false). */
  readonly newGrowthEngine: boolean;
  /** rules/reference/technologies.yaml column national_strategic, as of 2026-11-24 (absent: false). */
  readonly nationalStrategic: boolean;
  /** rules/reference/technologies.yaml column high_tech_ida (absent: false). */
  readonly highTechIda: boolean;
  /** The row's confidence is "unverified": every result of a program that reads the technologies
   *  table owes the row's unverified-reference warning. */
  readonly unverified: boolean;
}

const tech = (newGrowthEngine: boolean, nationalStrategic: boolean, highTechIda: boolean, unverified = false): TechnologyRow =>
  ({ newGrowthEngine, nationalStrategic, highTechIda, unverified });

/** rules/reference/technologies.yaml; every dated national_strategic value began before 2026. The
 *  quantum rows are listed nowhere the statutes in hand confirm, hydrogen's and future mobility's
 *  date on the strategic list is unconfirmed, and displays' rests on the press: each owes the row's
 *  warning. */
export const TECHNOLOGIES: Readonly<Record<string, TechnologyRow>> = {
  "semiconductors": tech(true, true, true),
  "secondary-batteries": tech(true, true, true),
  "vaccines": tech(true, true, true),
  "displays": tech(true, true, true, true),
  "hydrogen": tech(true, true, true, true),
  "future-mobility": tech(true, true, true, true),
  "biopharmaceuticals": tech(true, true, true),
  "artificial-intelligence": tech(true, true, true),
  "other-annex-7": tech(true, false, false),
  "other-ida-high-tech": tech(false, false, true),
  "quantum-computing": tech(false, false, false, true),
  "quantum-communication": tech(false, false, false, true),
  "quantum-sensing": tech(false, false, false, true),
};

/** The absent values of rules/reference/technologies.yaml: a profile that names no technology. */
export const NO_TECHNOLOGY: TechnologyRow = tech(false, false, false);

/** rules/reference/regions.yaml column capital_region: Seoul, Incheon, Gyeonggi. */
export const CAPITAL_REGION: ReadonlySet<string> = new Set(["seoul", "incheon", "gyeonggi"]);

export function sectorRow(code: string): SectorRow {
  const row = SECTORS[code];
  if (!row) throw new RangeError(`unknown sector '${code}'`);
  return row;
}

export function technologyRow(code: string | null): TechnologyRow {
  if (code === null) return NO_TECHNOLOGY;
  const row = TECHNOLOGIES[code];
  if (!row) throw new RangeError(`unknown technology '${code}'`);
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Plain facts for the json-rules-engine and ZEN peers. Money as numbers of minor units (exact below
// 2^53: KRW 9 × 10^15, USD 9 × 10^13), computed with the exact bigint conversion above.

export interface PlainFacts {
  readonly asOf: string;
  readonly route: string;
  readonly amountKrw: number;
  readonly amountUsdCents: number;
  /** investment.foreignOwnershipPct × 10,000. */
  readonly ownershipE4: number;
  readonly officerDispatched: boolean;
  readonly loanTermYears: number | null;
  readonly sector: string;
  readonly fizClass: FizClass;
  readonly cashGrantJobs: number;
  readonly fizTaxBusiness: boolean;
  readonly fezService: boolean;
  readonly knowledgeService: boolean;
  readonly culturalIndustry: boolean;
  readonly newGrowthEngine: boolean;
  readonly highTechIda: boolean;
  readonly materialsPartsEquipment: boolean;
  readonly materialsOrParts: boolean;
  readonly regionalHeadquarters: boolean;
  readonly region: string;
  readonly capitalRegion: boolean;
  readonly zone: string;
  readonly newRegularEmployees: number;
  readonly researchers: number;
}

export function plainFacts(profile: Profile, asOf: string): PlainFacts {
  const { won, cents } = amountBoth(profile);
  const { investment, business, site, employment } = profile;
  const sectorValues = sectorRow(business.sector);
  const techValues = technologyRow(business.technology);
  return {
    asOf,
    route: investment.route,
    amountKrw: Number(won),
    amountUsdCents: Number(cents),
    ownershipE4: percentE4(investment.foreignOwnershipPct),
    officerDispatched: investment.officerDispatched,
    loanTermYears: investment.loanTermYears ?? null,
    sector: business.sector,
    fizClass: sectorValues.fizClass,
    cashGrantJobs: sectorValues.cashGrantJobs,
    fizTaxBusiness: sectorValues.fizTaxBusiness,
    fezService: sectorValues.fezService,
    knowledgeService: sectorValues.knowledgeService,
    culturalIndustry: sectorValues.culturalIndustry,
    newGrowthEngine: techValues.newGrowthEngine,
    highTechIda: techValues.highTechIda,
    materialsPartsEquipment: business.materialsPartsEquipment,
    materialsOrParts: business.materialsOrParts,
    regionalHeadquarters: business.regionalHeadquarters,
    region: site.region,
    capitalRegion: CAPITAL_REGION.has(site.region),
    zone: site.zone,
    newRegularEmployees: employment.newRegularEmployees,
    researchers: employment.researchers,
  };
}

/** The programs whose every version has ended by 2026-01-01: not in force on any modelled date. */
export const NOT_IN_FORCE: readonly ProgramId[] = ["corporate-tax-reduction", "local-tax-reduction"];
