// /api/v1: the estimate endpoint for integrators. Translates HTTP to one engine call and back; the
// engine's errors become problem documents naming every bad field.
import { Router, json, type Request, type Response } from "express";
import { todayInSeoul } from "../engine/dates.js";
import { estimate } from "../engine/estimate.js";
import { estimateJson } from "../engine/result-json.js";
import type { RuleSet } from "../engine/rule-set.js";
import { ProfileError } from "../profile/profile-error.js";
import { problem, sendProblem } from "./problem.js";

export interface ApiOptions {
  readonly ruleSet: RuleSet;
  readonly engineVersion: string;
  readonly today?: () => string;
}

export function apiRouter({ ruleSet, engineVersion, today = todayInSeoul }: ApiOptions): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader("X-Ruleset-Hash", ruleSet.hash);
    res.setHeader("X-Engine-Version", engineVersion);
    next();
  });
  router.post("/estimate", json({ limit: "64kb", strict: true, type: () => true }), (req: Request, res: Response) => {
    if (!req.is("application/json")) {
      sendProblem(res, problem(415, "unsupported-media-type", "Unsupported media type", "send the profile as application/json"));
      return;
    }
    const explain = req.query.explain !== "false";
    try {
      const result = estimate(ruleSet, req.body, { today: today(), engineVersion, explain });
      res.json(estimateJson(result));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      sendProblem(res, problem(422, "invalid-profile", "The profile breaks the contract", `${error.issues.length} field(s) are not valid`, error.issues));
    }
  });
  return router;
}
