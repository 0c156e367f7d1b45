// The query parameters each endpoint reads, and a refusal of any other: `?explain[]=false` or a
// misspelt `?asof=` silently ignored would answer a question the client did not ask.
import type { NextFunction, Request, Response } from "express";
import { problem, sendProblem } from "./problem.js";

const READS: Readonly<Record<string, readonly string[]>> = {
  "/estimate": ["explain"],
  "/estimate/batch": ["explain"],
  "/sweep": [],
  "/replay": [],
  "/programs": ["asOf"],
  "/openapi.json": [],
};

/** The parameters a path reads, or undefined for a path the API does not serve (a 404 follows). */
function parametersOf(path: string): readonly string[] | undefined {
  return READS[path] ?? (/^\/programs\/[^/]+$/.test(path) ? READS["/programs"] : undefined);
}

export function checkQueryParameters(req: Request, res: Response, next: NextFunction): void {
  const reads = parametersOf(req.path);
  if (!reads) return next();
  for (const [name, value] of Object.entries(req.query)) {
    const reason = !reads.includes(name)
      ? reads.length ? `is not a parameter of this endpoint, which reads ${reads.join(", ")}` : "is not a parameter of this endpoint, which reads none"
      : typeof value !== "string" ? "must be given once" : undefined;
    if (reason) {
      return sendProblem(res, problem(400, "invalid-parameter", "Invalid query parameter", `${name} ${reason}`, [{ path: name, message: reason }]));
    }
  }
  next();
}
