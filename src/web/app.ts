// The Express application: the API under /api/v1, health, request logging.
import express from "express";
import type { Logger } from "pino";
import { apiRouter, type ApiOptions } from "../api/router.js";

export interface AppOptions extends ApiOptions {
  readonly logger?: Logger;
}

export function createApp(options: AppOptions): express.Express {
  const { logger } = options;
  const app = express();
  app.disable("x-powered-by");
  if (logger) {
    app.use((req, res, next) => {
      const start = process.hrtime.bigint();
      res.on("finish", () => {
        logger.info({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }, "request");
      });
      next();
    });
  }
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", rulesetHash: options.ruleSet.hash, engineVersion: options.engineVersion });
  });
  app.use("/api/v1", apiRouter({ ...options, logError: logger ? (error) => logger.error({ err: error }, "request failed") : options.logError }));
  return app;
}
