// What an expression may say about the investment: the profile's fields, normalised (amounts in
// both currencies at the estimate's rate, percentages as decimals), plus the profile's rows in the
// reference tables. Facts are built once per estimate; the catalogue below binds each name to a
// property read, so compiled rules never look names up.
import type { Decimal } from "decimal.js";
import { parseAmount } from "../money/amount.js";
import { Exact } from "../money/decimal.js";
import { convertToKrw, convertToUsd, type ExchangeRate } from "../money/exchange-rate.js";
import type { Money } from "../money/money.js";
import {
  BOOL, COUNT, DATE, KRW_MONEY, PERCENT, USD_MONEY, YEARS, type ValueType,
} from "../expr/types.js";
import { ROUTES, ZONES, type Profile } from "../profile/schema.js";
import type { CodeTable, TableName } from "./code-tables.js";

export interface Facts {
  readonly asOf: string;
  readonly route: string;
  readonly amountKrw: Money;
  readonly amountUsd: Money;
  readonly foreignOwnershipPct: Decimal;
  readonly officerDispatched: boolean;
  readonly supplyOrTechnologyContract: boolean;
  readonly loanTermYears: number | null;
  readonly sector: string;
  readonly technology: string | null;
  readonly materialsPartsEquipment: boolean;
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
  readonly rows: Readonly<Record<TableName, readonly unknown[]>>;
  /** How sure the rule set is of each row the profile points to, and why. */
  readonly rowTrust: Readonly<Record<TableName, { readonly confidence: string; readonly note?: string }>>;
}

export interface FactDefinition {
  readonly name: string;
  readonly type: ValueType;
  /** May be absent from a profile: a test on it fails, a benefit needing it is "not estimated". */
  readonly optional: boolean;
  readonly get: (facts: Facts) => unknown;
}

const code = (of: string, values: readonly string[]): ValueType => ({ kind: "code", of, values });

export function factCatalogue(tables: Readonly<Record<TableName, CodeTable>>): readonly FactDefinition[] {
  const codes = (name: TableName) => [...tables[name].rows.keys()];
  const fact = (name: string, type: ValueType, get: (f: Facts) => unknown, optional = false): FactDefinition => ({ name, type, optional, get });
  return [
    fact("asOf", DATE, (f) => f.asOf),
    fact("investment.route", code("route", ROUTES), (f) => f.route),
    fact("investment.amountKrw", KRW_MONEY, (f) => f.amountKrw),
    fact("investment.amountUsd", USD_MONEY, (f) => f.amountUsd),
    fact("investment.foreignOwnershipPct", PERCENT, (f) => f.foreignOwnershipPct),
    fact("investment.officerDispatched", BOOL, (f) => f.officerDispatched),
    fact("investment.supplyOrTechnologyContract", BOOL, (f) => f.supplyOrTechnologyContract),
    fact("investment.loanTermYears", YEARS, (f) => f.loanTermYears, true),
    fact("business.sector", code("sector", codes("sectors")), (f) => f.sector),
    fact("business.technology", code("technology", codes("technologies")), (f) => f.technology, true),
    fact("business.materialsPartsEquipment", BOOL, (f) => f.materialsPartsEquipment),
    fact("business.regionalHeadquarters", BOOL, (f) => f.regionalHeadquarters),
    fact("site.region", code("region", codes("regions")), (f) => f.region),
    fact("site.zone", code("zone", ZONES), (f) => f.zone),
    fact("employment.newRegularEmployees", COUNT, (f) => f.newRegularEmployees),
    fact("employment.researchers", COUNT, (f) => f.researchers),
    fact("costs.capitalGoodsImportsKrw", KRW_MONEY, (f) => f.capitalGoodsImportsKrw, true),
    fact("costs.customsDutyRatePct", PERCENT, (f) => f.customsDutyRatePct, true),
    fact("costs.individualConsumptionTaxRatePct", PERCENT, (f) => f.individualConsumptionTaxRatePct, true),
    fact("costs.propertyAcquisitionKrw", KRW_MONEY, (f) => f.propertyAcquisitionKrw, true),
    fact("costs.annualPropertyTaxKrw", KRW_MONEY, (f) => f.annualPropertyTaxKrw, true),
    fact("costs.stateLandValueKrw", KRW_MONEY, (f) => f.stateLandValueKrw, true),
    fact("costs.leaseYears", YEARS, (f) => f.leaseYears, true),
    fact("costs.annualCorporateTaxKrw", KRW_MONEY, (f) => f.annualCorporateTaxKrw, true),
    fact("costs.annualBuildingRentKrw", KRW_MONEY, (f) => f.annualBuildingRentKrw, true),
    ...tableFacts(tables, "sectors", "sector"),
    ...tableFacts(tables, "technologies", "technology"),
    ...tableFacts(tables, "regions", "region"),
  ];
}

function tableFacts(tables: Readonly<Record<TableName, CodeTable>>, table: TableName, prefix: string): FactDefinition[] {
  return tables[table].columns.map((column, i) => ({
    name: `${prefix}.${column.name}`,
    type: column.type,
    optional: false,
    get: (f: Facts) => f.rows[table][i],
  }));
}

/** The profile's field a fact comes from, for messages such as "not estimated: give costs.leaseYears". */
export function profileFieldOf(factName: string): string {
  return factName.replace(/(Krw|Usd)$/, "");
}

export function buildFacts(
  profile: Profile,
  asOf: string,
  rate: ExchangeRate,
  tables: Readonly<Record<TableName, CodeTable>>,
): Facts {
  // No closures here: this runs on every estimate, and each closure costs an allocation.
  const currency = profile.investment.currency;
  const amount = parseAmount(profile.investment.amount, currency)!;
  const { business, site, employment, costs, investment } = profile;
  return {
    asOf,
    route: investment.route,
    amountKrw: convertToKrw(amount, rate),
    amountUsd: convertToUsd(amount, rate),
    foreignOwnershipPct: new Exact(investment.foreignOwnershipPct),
    officerDispatched: investment.officerDispatched,
    supplyOrTechnologyContract: investment.supplyOrTechnologyContract,
    loanTermYears: investment.loanTermYears ?? null,
    sector: business.sector,
    technology: business.technology,
    materialsPartsEquipment: business.materialsPartsEquipment,
    regionalHeadquarters: business.regionalHeadquarters,
    region: site.region,
    zone: site.zone,
    newRegularEmployees: employment.newRegularEmployees,
    researchers: employment.researchers,
    capitalGoodsImportsKrw: krw(currency, rate, costs.capitalGoodsImports),
    customsDutyRatePct: percentOrNull(costs.customsDutyRatePct),
    individualConsumptionTaxRatePct: percentOrNull(costs.individualConsumptionTaxRatePct),
    propertyAcquisitionKrw: krw(currency, rate, costs.propertyAcquisition),
    annualPropertyTaxKrw: krw(currency, rate, costs.annualPropertyTax),
    stateLandValueKrw: krw(currency, rate, costs.stateLandValue),
    leaseYears: costs.leaseYears ?? null,
    annualCorporateTaxKrw: krw(currency, rate, costs.annualCorporateTax),
    annualBuildingRentKrw: krw(currency, rate, costs.annualBuildingRent),
    rows: {
      sectors: rowOf(tables, asOf, "sectors", business.sector),
      technologies: rowOf(tables, asOf, "technologies", business.technology),
      regions: rowOf(tables, asOf, "regions", site.region),
    },
    rowTrust: {
      sectors: trustOf(tables, "sectors", business.sector),
      technologies: trustOf(tables, "technologies", business.technology),
      regions: trustOf(tables, "regions", site.region),
    },
  };
}

function krw(currency: Profile["investment"]["currency"], rate: ExchangeRate, value: string | undefined): Money | null {
  return value === undefined ? null : convertToKrw(parseAmount(value, currency)!, rate);
}

function percentOrNull(value: string | undefined): Decimal | null {
  return value === undefined ? null : new Exact(value);
}

function rowOf(tables: Readonly<Record<TableName, CodeTable>>, asOf: string, table: TableName, code: string | null): readonly unknown[] {
  return code === null ? tables[table].absentValues! : tables[table].rows.get(code)!.valuesAt(asOf);
}

function trustOf(tables: Readonly<Record<TableName, CodeTable>>, table: TableName, code: string | null) {
  const row = code === null ? undefined : tables[table].rows.get(code)!;
  return { confidence: row?.confidence ?? "statute", note: row?.note };
}
