// Validates a profile against the v1 contract and reports every bad field at once.
import { z } from "zod";
import { ProfileError, type ProfileIssue } from "./profile-error.js";
import type { makeProfileSchema, Profile } from "./schema.js";

type ProfileSchema = ReturnType<typeof makeProfileSchema>;

export function parseProfile(input: unknown, schema: ProfileSchema): Profile {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ProfileError(issuesOf(schema, input));
}

/**
 * A failed parse's issues with the values they are about, which the messages need ("is required"
 * when there is none). Asked for only once a parse has failed: zod copies any context it is given
 * with an object spread, which V8 does slowly, and that cost a third of a successful parse.
 */
function issuesWithInput(schema: z.ZodType, input: unknown): z.core.$ZodIssue[] {
  return tightestBounds(schema.safeParse(input, { reportInput: true }).error!.issues);
}

/**
 * One bound broken per field and direction, the tightest: a whole number over its maximum also
 * breaks zod's safe-integer bound, and "at most 9007199254740991" would only distract.
 */
function tightestBounds(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const bound = (i: z.core.$ZodIssue) => (i.code === "too_big" ? Number(i.maximum) : i.code === "too_small" ? -Number(i.minimum) : undefined);
  return issues.filter((issue) => {
    const mine = bound(issue);
    if (mine === undefined) return true;
    const path = issue.path.join(".");
    return !issues.some((other) => other !== issue && other.code === issue.code && other.path.join(".") === path && bound(other)! < mine);
  });
}

/** The reasons a value breaks a schema, worded as a profile's are (a sweep's spec, a request's parts);
 *  `whose` names what a key it does not know is not a field of ("the sweep"). */
export function issuesOf(schema: z.ZodType, input: unknown, whose = "the profile"): ProfileIssue[] {
  return issuesWithInput(schema, input).flatMap((issue) => toProfileIssues(issue, whose));
}

/**
 * A check of one field by the schema's own rule for it, reporting at the field's path: for a
 * validated profile of which only that field changes (a sweep). Rules across fields are not run.
 */
export function profileFieldParser(schema: ProfileSchema, path: readonly string[]): (value: unknown) => unknown {
  let field: z.ZodType = schema;
  for (const key of path) {
    while (field instanceof z.ZodDefault || field instanceof z.ZodOptional) field = field.unwrap() as z.ZodType;
    field = (field as z.ZodObject).shape[key]!;
  }
  return (value) => {
    const result = field.safeParse(value);
    if (result.success) return result.data;
    throw new ProfileError(issuesWithInput(field, value).flatMap((issue) => toProfileIssues({ ...issue, path: [...path, ...issue.path] }, "the profile")));
  };
}

/** Fields required only with another: "is required" alone would contradict a form that marks them optional. */
const RATE_TOGETHER = "is required with an exchange rate: give the rate, its date and its source together";
const REQUIRED_WITH: Readonly<Record<string, string>> = {
  "exchangeRate.krwPerUsd": RATE_TOGETHER,
  "exchangeRate.date": RATE_TOGETHER,
  "exchangeRate.source": RATE_TOGETHER,
};

function toProfileIssues(issue: z.core.$ZodIssue, whose: string): ProfileIssue[] {
  const path = issue.path.map(String).join(".");
  const at = (suffix: string) => (path ? `${path}.${suffix}` : suffix);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: at(key), message: `is not a field of ${whose}` }));
    case "invalid_type":
      return [{ path, message: issue.input === undefined ? (REQUIRED_WITH[path] ?? "is required") : `must be ${issue.expected === "int" ? "a whole number" : `${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`}` }];
    case "invalid_value":
      return [{ path, message: issue.input === undefined ? "is required" : `must be one of ${issue.values.map(String).join(", ")}` }];
    case "too_small":
      // A text field's minimum is one character: an empty one is named so, not "at least 1".
      if ((issue.origin === "string" || issue.origin === "array") && issue.minimum === 1) return [{ path, message: "must not be empty" }];
      return [{ path, message: `must be at least ${String(issue.minimum)}` }];
    case "too_big":
      if (issue.origin === "string") return [{ path, message: `must be at most ${String(issue.maximum)} characters` }];
      return [{ path, message: `must be at most ${String(issue.maximum)}` }];
    default:
      return [{ path, message: issue.message }];
  }
}
