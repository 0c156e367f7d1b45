// GET /api/v1/reference/{name}: a reference file of the rule set as data, as the rule files hold it
// — the sector, technology and region tables (each code's labels in both languages, its values,
// sources and confidence), the laws cited, the default USD/KRW rates — for an integrator's own
// choices and labels, as /programs lays the programs open.
import { Router, type Request, type Response } from "express";
import type { RuleSet } from "../engine/rule-set.js";
import { problem, sendProblem } from "./problem.js";
import { readsQuery } from "./query-parameters.js";

/** The reference files by the name the API and the pages give them, as the rule set validated them. */
function referenceData(ruleSet: RuleSet): ReadonlyMap<string, object> {
  return new Map<string, object>([
    ...Object.entries(ruleSet.referenceFiles.tables),
    ["laws", { laws: ruleSet.laws }],
    ["usd-krw", ruleSet.referenceFiles.rates],
  ]);
}

export function referenceRoutes(ruleSet: RuleSet): Router {
  const router = Router();
  // The rule set never changes while the server runs: each answer is written once.
  const bodies = new Map([...referenceData(ruleSet)].map(([name, data]) => [name, Buffer.from(JSON.stringify(data))]));
  router.get("/reference/:name", readsQuery(), (req: Request<{ name: string }>, res: Response) => {
    const body = bodies.get(req.params.name);
    if (!body) return sendProblem(res, problem(404, "not-found", "No such reference file", `there is no reference file '${req.params.name}'; there are ${[...ruleSet.references.keys()].join(", ")}`));
    res.type("application/json; charset=utf-8").send(body);
  });
  return router;
}
