// GET /api/v1/programs and /programs/{id}: the rule set laid open as data, as of a date.
import { Router, type Request, type Response } from "express";
import { isIsoDate } from "../engine/dates.js";
import { describeProgram } from "../engine/describe-program.js";
import { forLastDate } from "../engine/for-last-date.js";
import type { RuleSet } from "../engine/rule-set.js";
import { problem, sendProblem } from "./problem.js";
import { readsQuery } from "./query-parameters.js";

export function programRoutes(ruleSet: RuleSet, today: () => string): Router {
  const router = Router();
  const asOfOf = (req: Request, res: Response): string | undefined => {
    const asOf = req.query.asOf ?? today();
    if (typeof asOf === "string" && isIsoDate(asOf)) return asOf;
    sendProblem(res, problem(400, "invalid-date", "Invalid date", "asOf must be a real date written YYYY-MM-DD", [{ path: "asOf", message: "must be a real date written YYYY-MM-DD" }]));
    return undefined;
  };
  // The whole catalogue (300 kB) is the same for every request about the same date: it is written
  // and encoded once for the last date asked, mostly today.
  const catalogue = forLastDate((asOf) => Buffer.from(JSON.stringify({ asOf, programs: ruleSet.programs.map((p) => describeProgram(p, asOf)) })));
  router.get("/programs", readsQuery("asOf"), (req, res) => {
    const asOf = asOfOf(req, res);
    if (asOf) res.type("application/json; charset=utf-8").send(catalogue(asOf));
  });
  router.get("/programs/:id", readsQuery("asOf"), (req: Request<{ id: string }>, res: Response) => {
    const program = ruleSet.byId.get(req.params.id);
    if (!program) return sendProblem(res, problem(404, "not-found", "No such program", `there is no program '${req.params.id}'`));
    const asOf = asOfOf(req, res);
    if (asOf) res.json(describeProgram(program, asOf));
  });
  return router;
}
