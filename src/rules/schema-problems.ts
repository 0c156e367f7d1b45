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
  return { problems: result.error.issues.flatMap((issue) => describe(issue, [], source, schema)) };
}

function depth(issues: readonly Issue[]): number {
  return Math.max(...issues.map((i) => i.path.length + (i.code === "invalid_union" ? depth(i.errors.flat()) : 0)));
}

/** The union branch that got furthest into the value before failing; on a tie, the one with fewest issues. */
function likeliestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  return [...branches].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0] ?? [];
}

function describe(issue: Issue, base: DataPath, source: YamlSource, schema: z.ZodType): RuleProblem[] {
  const path = [...base, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case "invalid_union": {
      if (issue.errors.length === 0) return [source.problemAt(path, issue.message)];
      return likeliestBranch(issue.errors).flatMap((inner) => describe(inner, path, source, schema));
    }
    case "invalid_key": {
      // A record's key broke its rule (a month "2026-13"): point at the key, with the rule's own words.
      const key = String(path[path.length - 1]);
      return issue.issues.map((inner) => source.problemAtKey(path.slice(0, -1), key, `'${key}': ${inner.message}`));
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        // A field name with spaces is almost always prose cut at a comma inside a { } mapping.
        const hint = /\s/.test(key.trim()) ? "; a comma inside { } ends the text there: put text with commas in quotes" : didYouMean(key, fieldsAt(schema, path));
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

/**
 * The fields an object at `path` of a file may have, as its schema says: the did-you-mean candidates
 * for a misspelt one, so that a condition's "citation" is not offered "citations", a field that belongs
 * elsewhere. Where the schema branches (a condition is a leaf, an all, an any or a not), the fields
 * of every branch.
 */
function fieldsAt(schema: z.ZodType, path: DataPath): Set<string> {
  let here = expand([schema]);
  for (const step of path) {
    here = expand(
      here.flatMap((s) => {
        const def = s._zod.def as unknown as Def;
        if (def.type === "object") return typeof step === "string" && def.shape?.[step] ? [def.shape[step]] : [];
        if (def.type === "array") return [def.element!];
        if (def.type === "record") return [def.valueType!];
        return [];
      }),
    );
  }
  const fields = new Set<string>();
  for (const s of here) {
    const def = s._zod.def as unknown as Def;
    if (def.type === "object") for (const key of Object.keys(def.shape!)) fields.add(key);
  }
  return fields;
}

/** The parts of zod's schema definitions the walk reads. */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
}

/** Schemas as the values they take: wrappers (optional, default, a pipe, a lazy recursion) opened,
 *  unions and intersections spread into their parts. */
function expand(schemas: readonly z.ZodType[]): z.ZodType[] {
  const out: z.ZodType[] = [];
  const seen = new Set<z.ZodType>();
  const stack = [...schemas];
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    const def = s._zod.def as unknown as Def;
    // A lazy schema's own, once zod has made it (calling the getter would make another).
    const inner = def.type === "lazy" ? (s._zod as unknown as { innerType: z.ZodType }).innerType : def.innerType;
    if (inner) stack.push(inner);
    // A pipe's value is its output's (z.preprocess puts the object there) or, for a transform, its input's.
    else if (def.type === "pipe") stack.push(def.in!, def.out!);
    else if (def.options) stack.push(...def.options);
    else if (def.left && def.right) stack.push(def.left, def.right);
    else out.push(s);
  }
  return out;
}
