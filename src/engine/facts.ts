// What an expression may say about the investment: the profile's fields, normalised (amounts in
// both currencies at the estimate's rate, percentages as decimals), plus the profile's rows in the
// reference tables. Facts are built once per estimate; the catalogue below binds each name to a
// property read, so compiled rules never look names up.
import type { Decimal } from "decimal.js";
import { minorOfAmount } from "../money/amount.js";
import { Exact, scaledInteger } from "../money/decimal.js";
import { centsOfWon, exactWonOfCents, wonOfDollars, type ExchangeRate } from "../money/exchange-rate.js";
import { moneyOfMinor, type Money } from "../money/money.js";
import { divideDown, POWERS_OF_TEN } from "../money/round.js";
import {
  BOOL, COUNT, DATE, KRW_MONEY, PERCENT, USD_MONEY, YEARS, type ValueType,
} from "../expr/types.js";
import { PERCENT_DECIMALS, ROUTES, ZONES, type Profile } from "../profile/schema.js";
import { generate, type Inline } from "../expr/inline.js";
import type { CodeRow, CodeTable, TableName } from "./code-tables.js";
import type { Warning } from "./warning.js";

export interface Facts {
  readonly asOf: string;
  readonly route: string;
  readonly amountKrw: Money;
  readonly amountUsd: Money;
  /** The same in minor units (whole won, cents), exact: what conditions compare. */
  readonly amountKrwMinor: bigint;
  readonly amountUsdMinor: bigint;
  readonly foreignOwnershipPct: Decimal;
  /** The same in ten-thousandths of a percent, an exact bigint (profiles give at most 4 decimals). */
  readonly foreignOwnershipE4: bigint;
  readonly officerDispatched: boolean;
  readonly supplyOrTechnologyContract: boolean;
  readonly loanTermYears: number | null;
  readonly sector: string;
  readonly technology: string | null;
  readonly materialsPartsEquipment: boolean;
  readonly materialsOrParts: boolean;
  readonly regionalHeadquarters: boolean;
  readonly region: string;
  readonly zone: string;
  readonly newRegularEmployees: number;
  readonly researchers: number;
  readonly capitalGoodsImportsKrw: Money | null;
  readonly customsDutyRatePct: Decimal | null;
  readonly individualConsumptionTaxRatePct: Decimal | null;
  readonly propertyAcquisitionKrw: Money | null;
  readonly annualPropertyTaxKrw: Money | null;
  readonly stateLandValueKrw: Money | null;
  readonly leaseYears: number | null;
  readonly annualCorporateTaxKrw: Money | null;
  readonly annualBuildingRentKrw: Money | null;
  /** The profile's row of each reference table, values by column index, as of asOf. */
  readonly sectorsRow: readonly unknown[];
  readonly technologiesRow: readonly unknown[];
  readonly regionsRow: readonly unknown[];
  /** The warning a row the profile points to owes, when its classification rests on less than a statute. */
  rowWarning(table: TableName): Warning | undefined;
}

export interface FactDefinition {
  readonly name: string;
  readonly type: ValueType;
  /** May be absent from a profile: a test on it fails, a benefit needing it is "not estimated". */
  readonly optional: boolean;
  /** The value in an evaluation, as a closure and as source (both from one property path). */
  readonly read: (ctx: { readonly facts: Facts }) => unknown;
  readonly inline: Inline;
  /** Money or a percentage as the exact scalar conditions compare (compile.ts, scalarLiteral). */
  readonly scalar?: Inline;
  /** Money the profile may give in the other currency, converted rounded down (inOtherCurrency). */
  readonly roundedDown?: boolean;
}

const code = (of: string, values: readonly string[]): ValueType => ({ kind: "code", of, values });

/** A fact at a property path of Facts ("route", "sectorsRow[2]"), and of its scalar form. */
function definition(name: string, type: ValueType, path: string, optional: boolean, scalarPath?: keyof Facts): FactDefinition {
  const inline: Inline = (e) => `${e.facts}.${path}`;
  const scalar: Inline | undefined = scalarPath && ((e) => `${e.facts}.${scalarPath}`);
  return { name, type, optional, read: generate(inline), inline, scalar };
}

export function factCatalogue(tables: Readonly<Record<TableName, CodeTable>>): readonly FactDefinition[] {
  const codes = (name: TableName) => [...tables[name].rows.keys()];
  const fact = (name: string, type: ValueType, key: keyof Facts & string, optional = false, scalar?: keyof Facts) => definition(name, type, key, optional, scalar);
  const roundedDown = (definition: FactDefinition): FactDefinition => ({ ...definition, roundedDown: true });
  return [
    fact("asOf", DATE, "asOf"),
    fact("investment.route", code("route", ROUTES), "route"),
    roundedDown(fact("investment.amountKrw", KRW_MONEY, "amountKrw", false, "amountKrwMinor")),
    roundedDown(fact("investment.amountUsd", USD_MONEY, "amountUsd", false, "amountUsdMinor")),
    fact("investment.foreignOwnershipPct", PERCENT, "foreignOwnershipPct", false, "foreignOwnershipE4"),
    fact("investment.officerDispatched", BOOL, "officerDispatched"),
    fact("investment.supplyOrTechnologyContract", BOOL, "supplyOrTechnologyContract"),
    fact("investment.loanTermYears", YEARS, "loanTermYears", true),
    fact("business.sector", code("sector", codes("sectors")), "sector"),
    fact("business.technology", code("technology", codes("technologies")), "technology", true),
    fact("business.materialsPartsEquipment", BOOL, "materialsPartsEquipment"),
    fact("business.materialsOrParts", BOOL, "materialsOrParts"),
    fact("business.regionalHeadquarters", BOOL, "regionalHeadquarters"),
    fact("site.region", code("region", codes("regions")), "region"),
    fact("site.zone", code("zone", ZONES), "zone"),
    fact("employment.newRegularEmployees", COUNT, "newRegularEmployees"),
    fact("employment.researchers", COUNT, "researchers"),
    fact("costs.capitalGoodsImportsKrw", KRW_MONEY, "capitalGoodsImportsKrw", true),
    fact("costs.customsDutyRatePct", PERCENT, "customsDutyRatePct", true),
    fact("costs.individualConsumptionTaxRatePct", PERCENT, "individualConsumptionTaxRatePct", true),
    fact("costs.propertyAcquisitionKrw", KRW_MONEY, "propertyAcquisitionKrw", true),
    fact("costs.annualPropertyTaxKrw", KRW_MONEY, "annualPropertyTaxKrw", true),
    fact("costs.stateLandValueKrw", KRW_MONEY, "stateLandValueKrw", true),
    fact("costs.leaseYears", YEARS, "leaseYears", true),
    fact("costs.annualCorporateTaxKrw", KRW_MONEY, "annualCorporateTaxKrw", true),
    fact("costs.annualBuildingRentKrw", KRW_MONEY, "annualBuildingRentKrw", true),
    ...(Object.keys(TABLE_FACT_PREFIX) as TableName[]).flatMap((table) => tableFacts(tables, table, TABLE_FACT_PREFIX[table])),
  ];
}

/** How rules name a reference table's columns: technology.new_growth_engine is a column of technologies. */
export const TABLE_FACT_PREFIX: Readonly<Record<TableName, string>> = { sectors: "sector", technologies: "technology", regions: "region" };

function tableFacts(tables: Readonly<Record<TableName, CodeTable>>, table: TableName, prefix: string): FactDefinition[] {
  return tables[table].columns.map((column, i) => definition(`${prefix}.${column.name}`, column.type, `${table}Row[${i}]`, false));
}

/** The profile's field a fact comes from, for messages such as "not estimated: give costs.leaseYears". */
export function profileFieldOf(factName: string): string {
  return factName.replace(/(Krw|Usd)$/, "");
}

/** The foreign investment amount in minor units of the profile's currency (countedShare). */
export function foreignInvestmentMinor(investment: Profile["investment"]): bigint {
  const minor = minorOfAmount(investment.amount, investment.currency)!;
  const share = countedShare(investment);
  return share ? share(minor) : minor;
}

/**
 * What an amount entered counts as foreign investment, when not all of it: reinvested retained
 * earnings count at the amount used times the foreign investment ratio (FIPA 2(1)4라), rounded
 * down to the won or the cent, as every amount a threshold is compared with is (inOtherCurrency).
 * Undefined when the whole amount counts.
 */
export function countedShare(investment: Profile["investment"]): ((minor: bigint) => bigint) | undefined {
  if (investment.route !== "reinvested-earnings") return undefined;
  const ratioE4 = scaledInteger(investment.foreignOwnershipPct, PERCENT_DECIMALS)!;
  return (minor) => divideDown(minor * ratioE4, SHARE_DIVISOR);
}

/**
 * The investment's amount, in minor units of its currency, in the other currency's, as conditions
 * compare it with a threshold: rounded down to the won or the cent, so that it reaches a threshold
 * only if its exact conversion does (USD 29,999,999.996 is not USD 30 million). Thresholds are
 * whole minor units, so "at least" and "less than" come out as on the exact figure.
 */
export function inOtherCurrency(minor: bigint, currency: "KRW" | "USD", rate: ExchangeRate): bigint {
  return currency === "USD" ? wonOfDollars(minor, 2, rate, divideDown) : centsOfWon(minor, 0, rate, divideDown);
}

/** Whether countedShare takes the share of `minor` exactly, with nothing rounded away. */
export function countedShareIsExact(investment: Profile["investment"], minor: bigint): boolean {
  return (minor * scaledInteger(investment.foreignOwnershipPct, PERCENT_DECIMALS)!) % SHARE_DIVISOR === 0n;
}

/** Ten-thousandths of a percent: the ratio's scale. */
const SHARE_DIVISOR = POWERS_OF_TEN[PERCENT_DECIMALS + 2]!;

export function buildFacts(
  profile: Profile,
  asOf: string,
  rate: ExchangeRate,
  tables: Readonly<Record<TableName, CodeTable>>,
): Facts {
  return new ProfileFacts(profile, asOf, rate, tables);
}

/**
 * Built on every estimate, so it does the least it can up front: the figures conditions test are
 * exact integers (minor units, ten-thousandths of a percent) read straight from the profile's
 * decimal text; the dinero and decimal.js forms that explanations and benefits need are made the
 * first time they are read, and most estimates never read most of them.
 */
class ProfileFacts implements Facts {
  readonly amountKrwMinor: bigint;
  readonly amountUsdMinor: bigint;
  readonly foreignOwnershipE4: bigint;
  readonly sectorsRow: readonly unknown[];
  readonly technologiesRow: readonly unknown[];
  #region: CodeRow | undefined;
  #regionsRow: readonly unknown[] | undefined;
  readonly #tables: Readonly<Record<TableName, CodeTable>>;
  readonly #sector: CodeRow;
  readonly #technology: CodeRow | undefined;
  readonly #profile: Profile;
  readonly #rate: ExchangeRate;
  #amountKrw: Money | undefined;
  #amountUsd: Money | undefined;
  #ownership: Decimal | undefined;

  constructor(
    profile: Profile,
    readonly asOf: string,
    rate: ExchangeRate,
    tables: Readonly<Record<TableName, CodeTable>>,
  ) {
    const { business, investment } = profile;
    this.#profile = profile;
    this.#rate = rate;
    const minor = foreignInvestmentMinor(investment);
    const usd = investment.currency === "USD";
    this.amountKrwMinor = usd ? inOtherCurrency(minor, "USD", rate) : minor;
    this.amountUsdMinor = usd ? minor : inOtherCurrency(minor, "KRW", rate);
    this.foreignOwnershipE4 = scaledInteger(investment.foreignOwnershipPct, PERCENT_DECIMALS)!; // "30.5" → 305000n
    const sector = tables.sectors.rows.get(business.sector)!;
    const technology = business.technology === null ? undefined : tables.technologies.rows.get(business.technology)!;
    this.sectorsRow = sector.valuesAt(asOf);
    this.technologiesRow = technology ? technology.valuesAt(asOf) : tables.technologies.absentValues!;
    this.#sector = sector;
    this.#technology = technology;
    this.#tables = tables;
  }

  rowWarning(table: TableName): Warning | undefined {
    const row = table === "sectors" ? this.#sector : table === "technologies" ? this.#technology : this.#regionRow();
    return row?.warning;
  }

  /** Conditions read the region's code, hardly ever its row: the row is looked up when first needed. */
  get regionsRow(): readonly unknown[] {
    return (this.#regionsRow ??= this.#regionRow().valuesAt(this.asOf));
  }

  #regionRow(): CodeRow {
    return (this.#region ??= this.#tables.regions.rows.get(this.#profile.site.region)!);
  }

  // The profile's own fields, read where they are rather than copied: most estimates read each once.
  get route(): string {
    return this.#profile.investment.route;
  }
  get officerDispatched(): boolean {
    return this.#profile.investment.officerDispatched;
  }
  get supplyOrTechnologyContract(): boolean {
    return this.#profile.investment.supplyOrTechnologyContract;
  }
  get loanTermYears(): number | null {
    return this.#profile.investment.loanTermYears ?? null;
  }
  get sector(): string {
    return this.#profile.business.sector;
  }
  get technology(): string | null {
    return this.#profile.business.technology;
  }
  get materialsPartsEquipment(): boolean {
    return this.#profile.business.materialsPartsEquipment;
  }
  get materialsOrParts(): boolean {
    return this.#profile.business.materialsOrParts;
  }
  get regionalHeadquarters(): boolean {
    return this.#profile.business.regionalHeadquarters;
  }
  get region(): string {
    return this.#profile.site.region;
  }
  get zone(): string {
    return this.#profile.site.zone;
  }
  get newRegularEmployees(): number {
    return this.#profile.employment.newRegularEmployees;
  }
  get researchers(): number {
    return this.#profile.employment.researchers;
  }
  get leaseYears(): number | null {
    return this.#profile.costs.leaseYears ?? null;
  }

  get amountKrw(): Money {
    return (this.#amountKrw ??= moneyOfMinor(this.amountKrwMinor, "KRW"));
  }
  get amountUsd(): Money {
    return (this.#amountUsd ??= moneyOfMinor(this.amountUsdMinor, "USD"));
  }
  get foreignOwnershipPct(): Decimal {
    return (this.#ownership ??= new Exact(this.#profile.investment.foreignOwnershipPct));
  }
  // Costs feed benefits only, of programs found eligible: converted when asked for.
  get capitalGoodsImportsKrw(): Money | null {
    return this.#krw(this.#profile.costs.capitalGoodsImports);
  }
  get customsDutyRatePct(): Decimal | null {
    return percentOrNull(this.#profile.costs.customsDutyRatePct);
  }
  get individualConsumptionTaxRatePct(): Decimal | null {
    return percentOrNull(this.#profile.costs.individualConsumptionTaxRatePct);
  }
  get propertyAcquisitionKrw(): Money | null {
    return this.#krw(this.#profile.costs.propertyAcquisition);
  }
  get annualPropertyTaxKrw(): Money | null {
    return this.#krw(this.#profile.costs.annualPropertyTax);
  }
  get stateLandValueKrw(): Money | null {
    return this.#krw(this.#profile.costs.stateLandValue);
  }
  get annualCorporateTaxKrw(): Money | null {
    return this.#krw(this.#profile.costs.annualCorporateTax);
  }
  get annualBuildingRentKrw(): Money | null {
    return this.#krw(this.#profile.costs.annualBuildingRent);
  }

  /** A cost in won. Costs are bases of benefits, never compared with a threshold: one given in
   *  dollars is converted exactly (won at a finer scale), and rounded once, where the benefit is. */
  #krw(value: string | undefined): Money | null {
    if (value === undefined) return null;
    const minor = minorOfAmount(value, this.#profile.investment.currency)!;
    return this.#profile.investment.currency === "USD" ? exactWonOfCents(minor, this.#rate) : moneyOfMinor(minor, "KRW");
  }
}


function percentOrNull(value: string | undefined): Decimal | null {
  return value === undefined ? null : new Exact(value);
}
