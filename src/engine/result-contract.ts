// The shapes of the JSON the engine's results are written as (the API's responses, the CLI's
// --json), as zod schemas: the OpenAPI document is generated from them and the test suite checks
// real output against them, so the document cannot drift from what the server sends. Objects are
// strict, as the document says (additionalProperties: false): a field sent but not declared fails.
import { z } from "zod";
import { ProgramKind, Status } from "../rules/program-schema.js";

const Localized = z.strictObject({ en: z.string(), ko: z.string() });
const Money = z.strictObject({ krw: z.string().describe("Whole won, decimal string"), usd: z.string().describe("Dollars and cents, decimal string") });
const Citation = z.strictObject({
  text: Localized,
  url: z.string(),
  law: z.string().optional().describe("A statute citation's law id (rules/reference/laws.yaml)"),
  article: z.string().optional().describe("A statute citation's article, as the rule files write it: 25(1)2"),
});
const Rate = z.strictObject({ krwPerUsd: z.string(), date: z.string(), source: z.string() });

const Shown = z
  .object({
    type: z.enum(["bool", "money", "percent", "count", "years", "date", "code"]),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    values: z.array(z.string()).optional(),
    currency: z.enum(["KRW", "USD"]).optional(),
    amount: z.string().optional(),
  })
  .describe("A value in an explanation; money carries currency and amount, a list carries values.");

export interface ConditionJson {
  kind: "leaf" | "all" | "any" | "not";
  label?: { en: string; ko: string };
  passed: boolean;
  expression?: string;
  op?: string;
  actual?: z.infer<typeof Shown>;
  threshold?: z.infer<typeof Shown>;
  citation?: z.infer<typeof Citation>;
  children?: ConditionJson[];
}

const Condition: z.ZodType<ConditionJson> = z.lazy(() =>
  z.strictObject({
    kind: z.enum(["leaf", "all", "any", "not"]),
    label: Localized.optional(),
    passed: z.boolean(),
    expression: z.string().optional(),
    op: z.string().optional(),
    actual: Shown.optional(),
    threshold: Shown.optional(),
    citation: Citation.optional(),
    children: z.array(Condition).optional(),
  }),
);

const Table = z.strictObject({
  name: z.string(),
  label: Localized,
  matched: z
    .array(z.strictObject({ label: Localized, source: z.string() }))
    .describe("The rows that gave the value (under collect-max/min only those whose value it is); empty when the table's otherwise value was used"),
  rowsHold: z.array(z.boolean()).describe("Whether each row's condition holds, in the rule file's order"),
  hit: z.enum(["first", "unique", "collect-max", "collect-min", "collect-sum"]).describe("How the rows that hold give the value: the first, the only one, the largest, the smallest or their sum"),
  rows: z
    .array(Condition)
    .describe("Each row's condition traced as conditions are (its ands and ors as all and any, each comparison with the profile's value and the threshold), labelled and cited as the row; rows[i].passed is rowsHold[i]"),
  rowValues: z.array(Shown).describe("What each row gives, in the same order"),
  otherwise: Shown.describe("The value when no row holds"),
  value: Shown,
});

const Component = z.strictObject({
  id: z.string(),
  label: Localized,
  applies: z.boolean(),
  amount: Money.nullable().describe("null when an input it needs was not given (see missing)"),
  missing: z.array(z.string()).optional(),
  citation: Citation.optional(),
  cappedAt: Money.optional(),
  years: z.array(z.strictObject({ year: z.number().int(), percent: z.string(), amount: Money })).optional(),
});

const Estimated = z
  .enum(["all", "some", "none"])
  .describe("How much of the benefit the profile let the engine work out: with 'some' the total is a lower bound, with 'none' it is 0 only because nothing could be worked out (see the components' missing inputs)");

const Discretionary = z
  .literal(true)
  .optional()
  .describe("Present when the total is a maximum an authority may grant less than: it counts in totals.upTo, not in totals.certain");

/** The version a result was evaluated under. */
const VersionRange = z.strictObject({
  from: z.string(),
  to: z.string().nullable(),
  note: Localized.optional().describe("What this version changed, in the rule file's words"),
});

const Share = z.strictObject({ percent: z.string(), amount: Money });

const Benefit = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("non-monetary"), grants: Localized }),
  z.strictObject({ kind: z.literal("amount"), estimated: Estimated, discretionary: Discretionary, total: Money, components: z.array(Component) }),
  z.strictObject({ kind: z.literal("schedule"), estimated: Estimated, discretionary: Discretionary, total: Money, components: z.array(Component) }),
  z.strictObject({
    kind: z.literal("range"),
    label: Localized,
    discretionary: z.literal(true),
    min: Money,
    ceiling: Money.nullable().describe("null when an input it needs was not given (see missing)"),
    missing: z.array(z.string()).optional(),
    citation: Citation.optional(),
    shares: z.strictObject({ national: Share, local: Share }).optional(),
  }),
]);

const Warning = z.looseObject({
  code: z.enum(["unverified-parameter", "unverified-reference", "discretionary", "not-estimated", "contested-reading"]),
  message: z.string(),
});

/** About the estimate as a whole: the exchange rate the profile gave (src/engine/rate-warnings.ts). */
const RateWarning = z.discriminatedUnion("code", [
  z.strictObject({
    code: z.literal("rate-after-as-of").describe("The rate is dated after the as-of date: not known on it"),
    rateDate: z.string(),
    asOf: z.string(),
    message: z.string(),
  }),
  z.strictObject({
    code: z.literal("rate-out-of-date").describe("The rate is dated more days before the as-of date than the rate table's maxAgeDays"),
    rateDate: z.string(),
    asOf: z.string(),
    days: z.int(),
    maxDays: z.int(),
    message: z.string(),
  }),
  z.strictObject({
    code: z.literal("rate-far-from-table").describe("The rate is a quarter or more away from the rate the table would use for its date (tableMonth's average): a slip, most likely"),
    krwPerUsd: z.string(),
    tableKrwPerUsd: z.string(),
    tableMonth: z.string(),
    message: z.string(),
  }),
]);

/** About the estimate as a whole: its exchange rate, and a cost so far above the investment that it may be in the wrong currency (src/engine/cost-warnings.ts). */
const EstimateWarning = z.discriminatedUnion("code", [
  ...RateWarning.options,
  z.strictObject({
    code: z
      .literal("cost-far-above-investment")
      .describe(
        "A cost far above the investment (a yearly cost ten times it or more, a one-off cost a hundred times): costs are in the investment's currency, and won written for dollars gives such a figure",
      ),
    field: z.string().describe("The cost's path in the profile, e.g. costs.annualCorporateTax"),
    times: z.string().describe("How many times the investment the cost is, rounded down"),
    currency: z.enum(["USD", "KRW"]).describe("The investment's currency, which the cost is read in"),
    message: z.string(),
  }),
]);

const NotInForce = z.looseObject({ reason: z.enum(["not-yet", "ended", "gap", "not-modelled"]) });

export const ProgramResultJson = z.strictObject({
  id: z.string(),
  title: Localized,
  kind: ProgramKind,
  status: Status,
  version: VersionRange.nullable(),
  notInForce: NotInForce.optional(),
  citations: z.array(Citation),
  assumes: z
    .array(Localized)
    .optional()
    .describe("What the result takes for granted because the profile cannot say, to be checked by hand; absent when not in force"),
  conditions: Condition.optional().describe("Absent with ?explain=false"),
  tables: z.array(Table).optional().describe("The decision tables' rows and values; absent with ?explain=false"),
  benefit: Benefit.nullable(),
  warnings: z.array(Warning),
});

export const EstimateJson = z.strictObject({
  asOf: z.string(),
  exchangeRate: Rate,
  warnings: z
    .array(EstimateWarning)
    .describe(
      "About the estimate as a whole: the profile's exchange rate dated after the as-of date (rate-after-as-of), older than the rate table would use (rate-out-of-date), or a quarter or more away from the table's rate for its date (rate-far-from-table); a cost far above the investment (cost-far-above-investment)",
    ),
  programs: z.array(ProgramResultJson),
  totals: z.strictObject({
    certain: Money,
    upTo: Money,
    leftOut: z
      .strictObject({ certain: z.array(z.string()), upTo: z.array(z.string()) })
      .describe("For each total, the eligible programs whose benefit it could not add in full, for want of inputs: a total with any listed is a lower bound"),
  }),
  receipt: z.strictObject({ rulesetHash: z.string(), engineVersion: z.string(), inputHash: z.string(), asOf: z.string(), exchangeRate: Rate }),
});

export type EstimateJson = z.infer<typeof EstimateJson>;

export const ProblemJson = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});

const Index = z.number().int().describe("Counts the profiles, from 0");

export const BatchJson = z.strictObject({
  results: z.array(
    z.union([
      z.strictObject({ index: Index, status: z.literal(200), estimate: EstimateJson }),
      z.strictObject({ index: Index, status: z.number().int(), problem: ProblemJson }),
    ]),
  ),
});

/** A line of a streamed (NDJSON) batch's answer: the same, with the request's line it answers. */
const Line = z.number().int().describe("The request's line this answers, as the client counts them (blank ones included)");
export const BatchLineJson = z.union([
  z.strictObject({ index: Index, line: Line, status: z.literal(200), estimate: EstimateJson }),
  z.strictObject({ index: Index, line: Line.optional().describe("Absent when the body could not be decoded past the lines answered"), status: z.number().int(), problem: ProblemJson }),
]);

const Parameter = z.strictObject({
  name: z.string(),
  label: Localized,
  unit: z.string(),
  current: z.string().nullable(),
  values: z.array(z.looseObject({ from: z.string(), value: z.string(), citation: Citation, verified: z.string(), confidence: z.string() })),
});

export const ProgramJson = z.looseObject({
  id: z.string(),
  title: Localized,
  kind: z.string(),
  summary: Localized,
  citations: z.array(Citation),
  assumes: z.array(Localized),
  asOf: z.string(),
  inForce: VersionRange.nullable(),
  parameters: z.array(Parameter),
  versions: z.array(z.looseObject({ from: z.string(), to: z.string().nullable() })),
});

export const ProgramListJson = z.strictObject({ asOf: z.string(), programs: z.array(ProgramJson) });


export const SweepJson = z.strictObject({
  field: z.string(),
  values: z.array(z.string()).describe("The points evaluated, in order, as decimal strings"),
  flips: z.array(
    z.strictObject({
      programId: z.string(),
      after: z.string().describe("The last point with the old status"),
      at: z.string().describe("The first point with the new status"),
      from: Status,
      to: Status,
      boundary: z
        .strictObject({
          after: z.string().describe("The last value with the old status"),
          at: z.string().describe("The next value, one unit of the field on (a won, a cent, 0.0001 percentage point, one person), with the new status"),
        })
        .describe("Where between the two points the status flips, to the field's last decimal"),
    }),
  ),
  warnings: z.array(RateWarning).describe("What an estimate of the profile says about its exchange rate, which converts every point"),
});

export const ReplayJson = z.strictObject({
  matches: z.boolean().describe("The same figures from the same profile"),
  sameRuleSet: z.boolean(),
  sameEngine: z.boolean(),
  sameProfile: z.boolean(),
  asOf: z.string(),
  differences: z.array(
    z.strictObject({
      programId: z.string(),
      what: z
        .string()
        .describe(
          "status, benefit, program or warning (one the answer carries now and did not, or no longer carries); or, when the benefit's figure is the same, the path of a part of it that moved (benefit.components[property-tax].years[year 3].amount, benefit.shares.national.amount; a list of another length as its .length)",
        ),
      before: z.string(),
      after: z.string(),
      why: z.array(z.string()).describe("Conditions whose outcome or threshold changed"),
    }),
  ),
  totals: z.array(z.strictObject({ total: z.enum(["certain", "upTo"]), before: z.string(), after: z.string() })).describe("Saved totals the replay does not give again, each 'at least' when it leaves a program out for want of inputs, naming the programs left out when those changed"),
  warnings: z.array(z.strictObject({ before: z.string(), after: z.string() })).describe("Warnings of the whole estimate (its exchange rate's) it carries now and did not ('absent' before), or no longer carries ('absent' after)"),
});
