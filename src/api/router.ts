// /api/v1: estimates, programs, reference files, the OpenAPI document. Every response names the rule set and the
// engine that produced it.
import { Router } from "express";
import { todayInSeoul } from "../engine/dates.js";
import type { RuleSet } from "../engine/rule-set.js";
import { apiErrors, methodNotAllowed, notFound } from "./api-errors.js";
import { estimateRoutes } from "./estimate-routes.js";
import { openApiDocument } from "./openapi.js";
import { programRoutes } from "./program-routes.js";
import { referenceRoutes } from "./reference-routes.js";
import { readsQuery } from "./query-parameters.js";

export interface ApiOptions {
  readonly ruleSet: RuleSet;
  readonly engineVersion: string;
  /** Today in Asia/Seoul, the default as-of date; replaceable in tests. */
  readonly today?: () => string;
  /** Where failures the client did not cause are reported. */
  readonly logError?: (error: unknown) => void;
}

export function apiRouter({ ruleSet, engineVersion, today = todayInSeoul, logError = console.error }: ApiOptions): Router {
  const router = Router();
  const openApi = JSON.stringify(openApiDocument(ruleSet, engineVersion));
  router.use((_req, res, next) => {
    res.setHeader("X-Ruleset-Hash", ruleSet.hash);
    res.setHeader("X-Engine-Version", engineVersion);
    next();
  });
  router.use(estimateRoutes(ruleSet, () => ({ today: today(), engineVersion })));
  router.use(programRoutes(ruleSet, today));
  router.use(referenceRoutes(ruleSet));
  router.get("/openapi.json", readsQuery(), (_req, res) => {
    res.type("application/json").send(openApi);
  });
  router.all(["/estimate", "/estimate/batch", "/replay", "/sweep"], methodNotAllowed(["POST"]));
  router.all(["/programs", "/programs/:id", "/reference/:name", "/openapi.json"], methodNotAllowed(["GET", "HEAD"]));
  router.use(notFound);
  router.use(apiErrors(logError));
  return router;
}
