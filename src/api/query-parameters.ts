// The query parameters each endpoint reads, and a refusal of any other: `?explain[]=false` or a
// misspelt `?asof=` silently ignored would answer a question the client did not ask. Each route
// names its own, so that the check goes wherever Express routes the request (a trailing slash, any
// letter case) and after a wrong method or path has had its 405 or 404.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { problem, sendProblem } from "./problem.js";

export function readsQuery(...reads: readonly string[]): RequestHandler {
  const which = reads.length ? `, which reads ${reads.join(", ")}` : ", which reads none";
  return (req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of Object.entries(req.query)) {
      const reason = !reads.includes(name) ? `is not a parameter of this endpoint${which}` : typeof value !== "string" ? "must be given once" : undefined;
      if (reason) {
        const shown = name === "" ? "(a parameter without a name)" : name;
        return sendProblem(res, problem(400, "invalid-parameter", "Invalid query parameter", `${shown} ${reason}`, [{ path: name, message: reason }]));
      }
    }
    next();
  };
}
