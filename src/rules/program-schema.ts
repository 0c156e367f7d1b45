// The shape of a program rule file (rules/kr/*.yaml). The TypeScript types are inferred from this
// schema and rules/schema/program.schema.json is generated from it (npm run schema), so the
// loader, the types and editor completion cannot drift apart.
import { z } from "zod";
import { ISO_DATE, isCalendarDate } from "../engine/dates.js";

/** A date as rule files and profiles write it. A date not so written (09/09/2009) is told that
 *  alone, not also that it is no calendar date. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, { message: "must be a date written YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, "is not a real calendar date")
  .describe("A calendar date, YYYY-MM-DD.");

/** Text a reader sees: a blank one (" ") would show as nothing. */
const Text = z.string().regex(/\S/, "must not be blank");

export const Localized = z
  .strictObject({ en: Text, ko: Text })
  .describe("The same text in English and Korean.");

export const Citation = z
  .union([
    z
      .string()
      .regex(/^[a-z][a-z0-9-]* \d+(-\d+)?(\(\d+\))?(\d+(의\d+)?)?[가-힣]?$/, "must read like 'fipa-decree 25(1)2': a law id, the article, then (paragraph), item (2의2) and letter (가)")
      .describe("A statute article: law id from rules/reference/laws.yaml, article, (paragraph), item — 'fipa-decree 25(1)2', 'rsta 121-3(1)'."),
    z
      .strictObject({
        page: z.url(),
        title: z.string().min(1),
        title_ko: z.string().min(1).optional().describe("The title as Korean pages show it; without it they show `title`."),
        seen: IsoDate.optional(),
      })
      .describe("A web page that states the figure, for facts no statute in hand gives."),
  ])
  .describe("Where the law says it.");

export const Confidence = z
  .enum(["statute", "official", "press", "unverified"])
  .describe("statute: read in the law text; official: an official web page; press: a news report only; unverified: believed, not confirmed.");

/** What a program comes to for a profile: the examples expect one, and results and the API give one. */
export const Status = z.enum(["eligible", "ineligible", "not-in-force"]);

export const ProgramKind = z.enum(["qualification", "tax", "grant", "site", "subsidy"]);

/** A figure resting on the press or on belief: results warn of it, and pages and the audit list it. */
export function isUnconfirmed(confidence: string): confidence is "press" | "unverified" {
  return confidence === "press" || confidence === "unverified";
}

export const Unit = z.enum(["KRW", "USD", "percent", "count", "years", "date"]);

const ParameterValue = z.strictObject({
  from: IsoDate.describe("The first day this value holds; it holds until the next value's from."),
  value: z.union([z.string(), z.number()]).describe("Money and percentages as decimal strings ('30000000', '3.5'); counts and years as whole numbers."),
  cite: Citation,
  verified: IsoDate.describe("When someone last checked the value against its source."),
  confidence: Confidence,
  note: z.string().optional(),
  note_ko: z.string().min(1).optional().describe("The note in Korean, as the Korean rule pages show it; without it they show `note`."),
});

export const Parameter = z.strictObject({
  label: Localized,
  unit: Unit,
  values: z.array(ParameterValue).min(1),
});

const Leaf = z.strictObject({
  label: Localized,
  test: z.string().min(1).describe("An expression that must be true, e.g. investment.amountUsd >= param.min_usd"),
  cite: Citation.optional(),
});

export type ConditionNode =
  | z.infer<typeof Leaf>
  | { label?: z.infer<typeof Localized>; cite?: z.infer<typeof Citation>; all: ConditionNode[] }
  | { label?: z.infer<typeof Localized>; cite?: z.infer<typeof Citation>; any: ConditionNode[] }
  | { label?: z.infer<typeof Localized>; cite?: z.infer<typeof Citation>; not: ConditionNode };

export const Condition: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    Leaf,
    z.strictObject({ label: Localized.optional(), cite: Citation.optional(), all: z.array(Condition).min(1) }),
    z.strictObject({ label: Localized.optional(), cite: Citation.optional(), any: z.array(Condition).min(1) }),
    z.strictObject({ label: Localized.optional(), cite: Citation.optional(), not: Condition }),
  ]),
);

const Expression = z.union([z.string().min(1), z.number()]);

export const DecisionTable = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case"),
  label: Localized,
  hit: z
    .enum(["first", "unique", "collect-max", "collect-min", "collect-sum"])
    .describe("first: the first matching row; unique: exactly one row may match; collect-*: combine every matching row."),
  output: Unit,
  rows: z.array(z.strictObject({ label: Localized, when: z.string().min(1), then: Expression, cite: Citation.optional() })).min(1),
  otherwise: Expression.describe("The value when no row matches; stated, never assumed."),
});

const Component = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: Localized,
  when: z.string().min(1).optional().describe("The component applies only when this holds."),
  amount: z.string().min(1).describe("Money; with a schedule, the yearly base the schedule's percentages apply to."),
  schedule: z
    .array(z.strictObject({ years: Expression, percent: Expression }))
    .min(1)
    .optional()
    .describe("Consecutive periods: 'years' years at 'percent' of the amount each year."),
  cap: z.string().min(1).optional().describe("Money: the most the component can be worth in total; a schedule's later years give way first."),
  cite: Citation.optional(),
});

const Discretionary = z
  .literal(true)
  .optional()
  .describe("The law lets an authority grant less (it 'may' reduce, 'within' a rate): the figures are maxima, added to the total up to, not to the certain one.");

export const Benefit = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("non-monetary"), grants: Localized }),
  z.strictObject({ kind: z.literal("amount"), discretionary: Discretionary, components: z.array(Component).min(1) }),
  z.strictObject({ kind: z.literal("schedule"), discretionary: Discretionary, components: z.array(Component).min(1) }),
  z.strictObject({
    kind: z.literal("range"),
    label: Localized,
    ceiling: z.string().min(1).describe("Money: the most the program may give; the floor is zero."),
    discretionary: z.literal(true),
    shares: z
      .strictObject({ national: Expression, local: Expression })
      .optional()
      .describe("Percentages of the amount paid from national and local budgets."),
    cite: Citation.optional(),
  }),
]);

export const Version = z.strictObject({
  from: IsoDate,
  to: IsoDate.optional().describe("The last day in force; omit while the version is current."),
  cite: z.union([Citation, z.array(Citation)]).optional(),
  note: Localized.optional(),
  contested: Localized.optional().describe(
    "What the version's answer rests on: a reading of the law that counsel should confirm, and the other reading. Every result of the version carries it as a warning, eligible or not.",
  ),
  gap: Localized.optional().describe("A declared gap: the program was not in force between from and to, for this reason."),
  unmodelled: Localized.optional().describe("The program existed between from and to, but the rule files do not encode that period: why."),
  ended: Localized.optional().describe("Why the program stopped after 'to' (last version only)."),
  tables: z.array(DecisionTable).optional(),
  conditions: Condition.optional(),
  benefit: Benefit.optional(),
});

const Money = z.strictObject({ krw: z.string().optional(), usd: z.string().optional() });

export const Example = z.strictObject({
  name: z.string().min(1).describe("What the example shows, as a sentence."),
  name_ko: z.string().min(1).optional().describe("The same in Korean, as the Korean rule pages show it; without it they show `name`."),
  asOf: IsoDate,
  profile: z.record(z.string(), z.unknown()).describe("Merged over the file's exampleProfile."),
  expect: z.strictObject({
    status: Status,
    version: IsoDate.optional().describe("The from date of the version expected to apply."),
    certain: Money.optional().describe("The certain value of the benefit."),
    upTo: Money.optional().describe("The value up to a discretionary ceiling."),
    failed: z.array(z.string()).optional().describe("English labels of conditions expected among the failing ones."),
    warnings: z.array(z.string()).optional().describe("Warning codes expected, in any order."),
  }),
});

export const Program = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case words joined by hyphens"),
  title: Localized,
  kind: ProgramKind,
  summary: Localized.describe("What the program does, in the analyst's own words."),
  citations: z.array(Citation).min(1),
  assumes: z
    .array(Localized)
    .default([])
    .describe("What a result takes for granted because the profile cannot say (a new factory, a condition of a notice): shown with every result in force, so that a reader checks it by hand. A result may be too generous where one fails."),
  parameters: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, "parameter names are snake_case"), Parameter).default({}),
  versions: z.array(Version).min(1),
  exampleProfile: z.record(z.string(), z.unknown()).optional().describe("The profile every example starts from."),
  examples: z.array(Example).min(1),
});

export type ProgramFile = z.infer<typeof Program>;
export type VersionFile = z.infer<typeof Version>;
export type TableFile = z.infer<typeof DecisionTable>;
export type BenefitFile = z.infer<typeof Benefit>;
export type ParameterFile = z.infer<typeof Parameter>;
export type ExampleFile = z.infer<typeof Example>;
export type CitationFile = z.infer<typeof Citation>;
export type LocalizedText = z.infer<typeof Localized>;
export type UnitName = z.infer<typeof Unit>;
