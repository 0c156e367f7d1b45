// The Express application: the API under /api/v1, health, and a problem document for anything else.
import express, { type NextFunction, type Request, type Response } from "express";
import { apiRouter, type ApiOptions } from "../api/estimate-routes.js";
import { problem, sendProblem } from "../api/problem.js";

export function createApp(options: ApiOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", rulesetHash: options.ruleSet.hash, engineVersion: options.engineVersion });
  });
  app.use("/api/v1", apiRouter(options));
  app.use((req, res) => sendProblem(res, problem(404, "not-found", "Not found", `nothing at ${req.method} ${req.path}`)));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500;
    if (status === 400) return sendProblem(res, problem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON"));
    if (status === 413) return sendProblem(res, problem(413, "too-large", "Body too large", "the body is over the limit of 64 kB"));
    if (status >= 400 && status < 500) return sendProblem(res, problem(status, "bad-request", "Bad request", "the request could not be read"));
    console.error(error);
    sendProblem(res, problem(500, "internal", "Internal error", "the server failed; the failure has been logged"));
  });
  return app;
}
