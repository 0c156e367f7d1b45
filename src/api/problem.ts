// RFC 9457 problem documents: every API error has a type, a title, a status, a detail and, for bad
// input, the list of fields at fault.
import type { Response } from "express";
import type { RuleEvaluationError } from "../engine/decision-table.js";
import type { ProfileIssue } from "../profile/profile-error.js";

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly ProfileIssue[];
}

/** Problem types are documented in the README's "Errors" section. */
const TYPE_BASE = "https://github.com/fdi-incentives/fdi-incentives#errors";

export function problem(status: number, slug: string, title: string, detail: string, errors?: readonly ProfileIssue[]): Problem {
  return { type: `${TYPE_BASE}/${slug}`, title, status, detail, ...(errors ? { errors } : {}) };
}

export function sendProblem(res: Response, p: Problem): void {
  res.status(p.status).type("application/problem+json").send(JSON.stringify(p));
}

export const invalidProfile = (errors: readonly ProfileIssue[]) => problem(422, "invalid-profile", "The profile breaks the contract", fieldsDetail(errors, "the profile itself"), errors);

/** "2 field(s) are not valid: a, b", the whole (a path of "") named as `whole`. */
export function fieldsDetail(errors: readonly ProfileIssue[], whole: string): string {
  return `${errors.length} field(s) are not valid: ${errors.map((e) => e.path || whole).join(", ")}`;
}

/** A body its Content-Encoding does not inflate; `more` says what came of it, when anything did. */
export const undecodableBody = (encoding: string, more = "") =>
  problem(400, "undecodable-body", "Undecodable body", `the body is not valid ${encoding}, though its Content-Encoding says it is${more}`);

/** A body, or a line of a stream, that gives a key twice (duplicate-keys.ts). */
export const duplicateKeyProblem = (path: string, line?: number) =>
  problem(400, "duplicate-key", "Duplicate key", `${line === undefined ? "" : `line ${line}: `}${path} is given more than once: each key may appear once in an object`, [
    { path, message: "is given more than once" },
  ]);

/** A profile the rule set cannot evaluate: a fault of the rule files, which the loader cannot see. */
export const ruleSetCannotAnswer = (error: RuleEvaluationError) => problem(500, "rule-set-error", "The rule set cannot answer this profile", error.reason);
