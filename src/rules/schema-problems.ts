// Turns zod's issues into one readable problem each, placed in the file. Unions (a condition is a
// leaf, an all, an any or a not) report the branch the author evidently meant, not every branch.
import type { z } from "zod";
import { didYouMean } from "../expr/did-you-mean.js";
import type { RuleProblem } from "./rule-set-error.js";
import type { DataPath, YamlSource } from "./yaml-source.js";

type Issue = z.core.$ZodIssue;

export function validateAgainst<T>(schema: z.ZodType<T>, source: YamlSource): { value?: T; problems: RuleProblem[] } {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  // An empty file (or one of comments only) is no mapping at all: say so, not which field is first missing.
  if (source.data === null || source.data === undefined) return { problems: [source.problemAt([], "the file is empty: a rule file is a mapping of fields (id, title, versions, …)")] };
  return { problems: result.error.issues.flatMap((issue) => describe(issue, [], source)) };
}

function depth(issues: readonly Issue[]): number {
  return Math.max(...issues.map((i) => i.path.length + (i.code === "invalid_union" ? depth(i.errors.flat()) : 0)));
}

/** The union branch that got furthest into the value before failing; on a tie, the one with fewest issues. */
function likeliestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  return [...branches].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0] ?? [];
}

function describe(issue: Issue, base: DataPath, source: YamlSource): RuleProblem[] {
  const path = [...base, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case "invalid_union": {
      if (issue.errors.length === 0) return [source.problemAt(path, issue.message)];
      return likeliestBranch(issue.errors).flatMap((inner) => describe(inner, path, source));
    }
    case "invalid_key": {
      // A record's key broke its rule (a month "2026-13"): point at the key, with the rule's own words.
      const key = String(path[path.length - 1]);
      return issue.issues.map((inner) => source.problemAtKey(path.slice(0, -1), key, `'${key}': ${inner.message}`));
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        // A field name with spaces is almost always prose cut at a comma inside a { } mapping.
        const hint = /\s/.test(key.trim()) ? "; a comma inside { } ends the text there: put text with commas in quotes" : didYouMean(key, RULE_FILE_KEYS);
        return source.problemAtKey(path, key, `unknown field '${key}'${hint}`);
      });
    case "invalid_type":
    case "invalid_value":
      if (issue.input === undefined) {
        const field = path[path.length - 1];
        return [source.problemAt(path.slice(0, -1), `missing required field '${String(field)}'`)];
      }
      if (issue.code === "invalid_type") return [source.problemAt(path, `${label(path)} must be ${issue.expected}`)];
      return [source.problemAt(path, `${label(path)} must be one of ${issue.values.map((v) => String(v)).join(", ")}`)];
    default:
      return [source.problemAt(path, `${label(path)} ${issue.message.replace(/^Invalid input: /, "")}`)];
  }
}

function label(path: DataPath): string {
  return path.length ? `'${path.join(".")}'` : "the file";
}

/** The rule-file vocabulary, offered as did-you-mean candidates for a misspelt field. */
const RULE_FILE_KEYS = [
  "id", "title", "kind", "summary", "citations", "parameters", "versions", "examples", "exampleProfile", "name_ko",
  "label", "unit", "values", "from", "to", "value", "cite", "verified", "confidence", "note", "test",
  "all", "any", "not", "conditions", "tables", "benefit", "gap", "ended", "name", "hit", "output", "rows",
  "when", "then", "otherwise", "components", "amount", "schedule", "years", "percent", "ceiling",
  "discretionary", "shares", "national", "local", "grants", "assumes", "asOf", "profile", "expect", "status",
  "version", "certain", "upTo", "failed", "warnings", "en", "ko", "code", "columns", "type", "absent",
  "rows", "table", "page", "title", "title_ko", "note_ko", "seen", "krw", "usd",
];
