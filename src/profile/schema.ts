// The investment profile, v1: the public contract of the estimate. This schema is the single source
// of the profile's TypeScript type, of request validation, of the form's fields and of the OpenAPI
// document. Code fields take their choices from the rule set's reference tables.
import { z } from "zod";
import { IsoDate } from "../rules/program-schema.js";

/** Text without control characters other than tabs and line breaks (a spreadsheet's cell may hold
 *  one), without a lone half of a surrogate pair and without marks that change the text's direction. */
const PLAIN_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/u;
const PLAIN_TEXT_MESSAGE = "must be plain text, without control or text-direction characters";

/** Digits an amount may have before the point: KRW 10^17 is beyond any investment, and this keeps
 *  input bounded. */
export const AMOUNT_DIGITS = 18;
/** Decimals a percentage may have: facts hold it exactly in ten-thousandths. */
export const PERCENT_DECIMALS = 4;
/** The most new employees or researchers a profile may give. */
export const MAX_HEADCOUNT = 10_000_000;

const decimalString = (what: string, example: string, digits: number) =>
  z.string().regex(new RegExp(`^(0|[1-9]\\d{0,${AMOUNT_DIGITS - 1}})(\\.\\d{1,${digits}})?$`), {
    error: (issue) => decimalProblem(String(issue.input), what, example, digits),
    abort: true, // later checks parse the text as a decimal; they must not see a non-decimal
  });

/** A currency's sign, code or word beside a figure. */
const CURRENCY_MARK = /[$₩￦원]|USD|KRW|won|dollar|달러/i;

/** Why a text is not a decimal string a profile accepts: the limit it breaks, when it is a number. */
function decimalProblem(text: string, what: string, example: string, digits: number): string {
  if (/^-\d/.test(text)) return "must not be negative";
  if (/^\d+(\.\d+)?$/.test(text)) {
    const [whole = "", fraction = ""] = text.split(".");
    if (whole.length > 1 && whole.startsWith("0")) return "must not start with a zero";
    if (whole.length > AMOUNT_DIGITS) return `must have at most ${AMOUNT_DIGITS} digits before the point`;
    if (fraction.length > digits) return `must have at most ${digits} decimals`;
  }
  if (/^[\d.,]+$/.test(text) && text.includes(",")) return `must be written without thousands separators, e.g. "${example}"`;
  // "$12,000,000", "₩3,000,000,000", "3000000000 KRW": the currency is a field of its own.
  if (/\d/.test(text) && CURRENCY_MARK.test(text)) return `must be written without a currency sign or code, e.g. "${example}"`;
  return `must be ${what} written as a decimal string, e.g. "${example}"`;
}

const Amount = decimalString("an amount", "1234.56", 2);
const Percent = decimalString("a percentage", "12.5", PERCENT_DECIMALS).refine(atMostHundred, "must be at most 100");

/** A decimal string (as checked above) is at most 100: read from its digits, exactly. */
function atMostHundred(text: string): boolean {
  const point = text.indexOf(".");
  const whole = point < 0 ? text : text.slice(0, point);
  if (whole.length < 3) return true;
  return whole === "100" && (point < 0 || /^0+$/.test(text.slice(point + 1)));
}
const nonZero = (s: string) => /[1-9]/.test(s);

export const ROUTES = ["new-shares", "existing-shares", "long-term-loan", "reinvested-earnings", "nonprofit-contribution"] as const;
export const ZONES = ["none", "fiz-complex", "fiz-service", "free-economic-zone", "free-trade-zone", "industrial-complex"] as const;
const CURRENCY_CODES = ["USD", "KRW"] as const;

export interface ProfileCodes {
  readonly sectors: readonly string[];
  readonly technologies: readonly string[];
  readonly regions: readonly string[];
}

/** A code from a reference table, as an enumeration so that the OpenAPI document lists the choices. */
const codeOf = (codes: readonly string[]) => z.enum(codes as [string, ...string[]]);

export function makeProfileSchema(codes: ProfileCodes) {
  return z
    .strictObject({
      asOf: IsoDate.optional().describe("The date to evaluate at; defaults to today in Asia/Seoul."),
      investment: z.strictObject({
        route: z.enum(ROUTES),
        amount: Amount.refine(nonZero, "must be more than zero").describe(
          "More than zero, in the investment's currency: whole won for KRW, cents for USD. For reinvested earnings, the whole amount reinvested; the foreign share of it counts.",
        ),
        currency: z.enum(CURRENCY_CODES),
        foreignOwnershipPct: Percent.describe("The foreign investor's share of voting stock or capital, in percent: at most 100."),
        officerDispatched: z.boolean().default(false),
        supplyOrTechnologyContract: z
          .boolean()
          .default(false)
          .describe("A supply or purchase contract of a year or more, or a technology contract, with the investee (counted before 2016-07-28)."),
        loanTermYears: z.number().min(0).max(100).optional().describe("Term of the first loan contract, for the long-term-loan route."),
      })
      // Rules within one part are the part's own, so that they are reported with any other part's errors.
      .superRefine((investment, ctx) => {
        if (investment.currency === "KRW" && investment.amount.includes(".")) ctx.addIssue(notWholeWon(["amount"]));
        if (investment.route === "long-term-loan" && investment.loanTermYears === undefined) {
          ctx.addIssue({ code: "custom", path: ["loanTermYears"], message: "is required for a long-term loan" });
        }
      }),
      business: z.strictObject({
        sector: codeOf(codes.sectors),
        technology: codeOf(codes.technologies).nullable().default(null),
        materialsPartsEquipment: z.boolean().default(false),
        materialsOrParts: z
          .boolean()
          .default(false)
          .describe("Of materials, parts or equipment, it makes materials or parts (Special Act on MPE Art. 2 item 1), not equipment only: FIPA 14-2(1)5 admits only these to the cash grant's R&D route."),
        regionalHeadquarters: z.boolean().default(false),
      })
      .superRefine((business, ctx) => {
        if (business.materialsOrParts && !business.materialsPartsEquipment) {
          ctx.addIssue({ code: "custom", path: ["materialsOrParts"], message: "says which materials, parts or equipment: set materialsPartsEquipment too" });
        }
      }),
      site: z.strictObject({
        region: codeOf(codes.regions),
        zone: z.enum(ZONES).default("none"),
      }),
      employment: z
        .strictObject({
          newRegularEmployees: z.number().int().min(0).max(MAX_HEADCOUNT).default(0),
          researchers: z.number().int().min(0).max(MAX_HEADCOUNT).default(0),
        })
        .default({ newRegularEmployees: 0, researchers: 0 }),
      costs: z
        .strictObject({
          capitalGoodsImports: Amount.optional(),
          customsDutyRatePct: Percent.optional().describe("Customs duty rate on the imported goods, in percent: at most 100."),
          individualConsumptionTaxRatePct: Percent.optional().describe("Individual consumption tax rate on the imported goods, in percent (at most 100); 0 for most machinery."),
          propertyAcquisition: Amount.optional(),
          annualPropertyTax: Amount.optional(),
          stateLandValue: Amount.optional(),
          leaseYears: z.number().int().min(1).max(100).optional(),
          annualCorporateTax: Amount.optional(),
          annualBuildingRent: Amount.optional().describe("Yearly rent of the building occupied, for rent support."),
        })
        .default({})
        .describe("Optional figures for benefit estimates, in the investment's currency: whole won when it is KRW."),
      exchangeRate: z
        .strictObject({
          krwPerUsd: decimalString("a rate in won per dollar", "1380.55", 6).refine(nonZero, "must be more than zero").describe("Won per dollar, more than zero."),
          date: IsoDate,
          // Echoed in every receipt and page: text a reader's terminal or a strict JSON parser would
          // choke on, or that would show other than it reads, is refused (PLAIN_TEXT).
          // A source of spaces alone names nothing (an empty one is told it must not be empty).
          source: z.string().min(1).max(200).regex(PLAIN_TEXT, PLAIN_TEXT_MESSAGE).regex(/^$|\S/u, "must name the source, not only spaces"),
        })
        .optional()
        .describe("Overrides the rate table."),
    })
    // Costs are in the investment's currency: a rule across two parts, checked once both are valid.
    .superRefine((profile, ctx) => {
      if (profile.investment.currency !== "KRW") return;
      for (const field of COST_AMOUNTS) {
        if (profile.costs[field]?.includes(".")) ctx.addIssue(notWholeWon(["costs", field]));
      }
    });
}

/** The costs given as amounts (in the investment's currency), in the order the profile lists them. */
export const COST_AMOUNTS = ["capitalGoodsImports", "propertyAcquisition", "annualPropertyTax", "stateLandValue", "annualCorporateTax", "annualBuildingRent"] as const;

function notWholeWon(path: string[]) {
  return { code: "custom" as const, path, message: "must be whole won when the currency is KRW" };
}

export type Profile = z.output<ReturnType<typeof makeProfileSchema>>;
export type ProfileInput = z.input<ReturnType<typeof makeProfileSchema>>;
