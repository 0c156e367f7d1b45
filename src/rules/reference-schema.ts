// The shapes of the reference files in rules/reference/: the laws cited, the code tables a profile
// points into (sectors, technologies, regions) and the USD/KRW rate table.
import { z } from "zod";
import { Exact } from "../money/decimal.js";
import { Citation, Confidence, IsoDate, Localized } from "./program-schema.js";

export const Laws = z.strictObject({
  laws: z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/),
    z.strictObject({
      title: Localized,
      url: z.url().describe("The official current text on law.go.kr."),
      asOf: IsoDate.optional().describe("The date of the text the rule files were checked against; absent when the text itself was not in hand."),
    }),
  ),
});

const CellValue = z.union([z.boolean(), z.number(), z.string()]);

export const Cell = z.union([
  CellValue,
  z
    .array(z.strictObject({ from: IsoDate, value: CellValue, cite: Citation.optional() }))
    .min(1)
    .describe("Dated values: each holds from its date until the next; before the first, the column's absent value."),
]);

export const Column = z.strictObject({
  label: Localized,
  type: z.enum(["bool", "count", "code"]),
  values: z.array(z.string()).optional().describe("For type code: the codes a cell may hold."),
  absent: CellValue.optional().describe("The value when the profile names no row, or before a dated cell's first date."),
  cite: Citation.optional(),
});

export const ReferenceTable = z.strictObject({
  table: z.enum(["sectors", "technologies", "regions"]),
  label: Localized,
  columns: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, "column names are snake_case"), Column),
  rows: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[a-z][a-z0-9-]*$/),
        label: Localized,
        values: z.record(z.string(), Cell),
        confidence: Confidence.optional().describe("Whether the row's values are confirmed; unverified rows raise a warning when used."),
        note: z.string().optional(),
        note_ko: z.string().min(1).optional().describe("The note in Korean, for Korean pages."),
        cite: Citation.optional(),
      }),
    )
    .min(1),
});

const RATE = /^\d+(\.\d+)?$/;
const isRate = (text: string) => RATE.test(text) && /[1-9]/.test(text);

export const ExchangeRates = z.strictObject({
  label: Localized,
  source: z.strictObject({ title: z.string(), title_ko: z.string().optional().describe("The source's name in Korean, for Korean pages."), url: z.url(), licence: z.string() }),
  maxAgeDays: z.number().int().positive().describe("How many days after its month a monthly rate may still be used."),
  rates: z.record(
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "keys are months, YYYY-MM, with MM from 01 to 12"),
    z
      .string()
      .regex(RATE, { message: "a rate is a decimal string of won per dollar, such as \"1380.55\"", abort: true })
      .refine((rate) => /[1-9]/.test(rate), "a rate must be more than 0"),
  ),
})
  // A month left out would be served by the month before it, unseen; a rate off by a digit would
  // move every conversion. Neither is a figure a central bank publishes.
  .superRefine((file, ctx) => {
    const months = Object.keys(file.rates);
    for (let i = 1; i < months.length; i++) {
      const before = months[i - 1]!;
      const month = months[i]!;
      const expected = shiftMonth(before, 1);
      if (month !== expected) {
        const lastMissing = shiftMonth(month, -1);
        const missing = expected === lastMissing ? `${expected} is missing` : `${expected} to ${lastMissing} are missing`;
        const message = month < before ? `months must be in order: ${month} comes after ${before}` : `${missing}: every month from the first to the last needs its rate`;
        ctx.addIssue({ code: "custom", path: ["rates", month], message });
        continue;
      }
      // A rate refused above has its own message: it is not read as a number here.
      if (!isRate(file.rates[month]!) || !isRate(file.rates[before]!)) continue;
      const ratio = new Exact(file.rates[month]!).div(file.rates[before]!);
      if (ratio.gt(MAX_MONTHLY_MOVE) || ratio.lt(new Exact(1).div(MAX_MONTHLY_MOVE))) {
        ctx.addIssue({ code: "custom", path: ["rates", month], message: `${file.rates[month]} is more than half again or less than two thirds of ${before}'s ${file.rates[before]}: check the digits` });
      }
    }
  });

/** No month's average won rate has moved by half since 1998 (the crisis months moved by a fifth). */
const MAX_MONTHLY_MOVE = new Exact("1.5");

/** The month `by` months after a YYYY-MM month (before, when negative). */
function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export type LawsFile = z.infer<typeof Laws>;
export type ReferenceTableFile = z.infer<typeof ReferenceTable>;
export type ExchangeRatesFile = z.infer<typeof ExchangeRates>;
export type CellFile = z.infer<typeof Cell>;
