// The Express application: pages, the API under /api/v1, static files, health, security headers
// and request logging. HTML errors for pages, problem documents for the API.
import { join } from "node:path";
import express, { type ErrorRequestHandler, type Request } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { methodNotAllowed } from "../api/api-errors.js";
import { apiRouter, type ApiOptions } from "../api/router.js";
import { todayInSeoul } from "../engine/dates.js";
import type { ExampleOutcome } from "../engine/run-examples.js";
import { PROJECT_ROOT } from "../load-rules.js";
import { message } from "./messages.js";
import { langOf, otherLangUrl, pageRoutes } from "./pages.js";
import { rulePageRoutes } from "./rule-pages.js";
import type { Views } from "./view-engine.js";

export interface AppOptions extends ApiOptions {
  readonly views: Views;
  readonly logger?: Logger;
  /** The rule set's examples already run (the server checks them before serving), for the rule pages. */
  readonly examples?: readonly ExampleOutcome[];
}

export function createApp(options: AppOptions): express.Express {
  const { logger, views } = options;
  const today = options.today ?? todayInSeoul;
  const logError = logger ? (error: unknown) => logger.error({ err: error }, "request failed") : (options.logError ?? console.error);
  const app = express();
  app.disable("x-powered-by");
  // No ETag: it would hash every (large, never repeated) estimate body on the way out.
  app.set("etag", false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          // helmet's default would send browsers to https for every asset and form, which breaks
          // the site served over plain HTTP on any host but localhost; TLS is the proxy's to enforce.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
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
    // Named as every API answer names them, for a health check that compares instances.
    res.setHeader("X-Ruleset-Hash", options.ruleSet.hash);
    res.setHeader("X-Engine-Version", options.engineVersion);
    res.json({ status: "ok", rulesetHash: options.ruleSet.hash, engineVersion: options.engineVersion });
  });
  app.all("/healthz", methodNotAllowed(["GET", "HEAD"]));
  app.use("/static", express.static(join(PROJECT_ROOT, "views", "static"), { maxAge: "1h", index: false }));
  app.use("/api/v1", apiRouter({ ...options, today, logError }));
  // Pages speak the language of Accept-Language when the address names none: caches must key on it.
  app.use((_req, res, next) => {
    res.vary("Accept-Language");
    next();
  });
  app.use(pageRoutes({ ruleSet: options.ruleSet, engineVersion: options.engineVersion, views, today }));
  app.use(rulePageRoutes({ ruleSet: options.ruleSet, engineVersion: options.engineVersion, views, today, examples: options.examples }));

  const errorPage = (req: Request, status: 400 | 404 | 500) => {
    const lang = langOf(req);
    const key = status === 400 ? "error.badAddress" : status === 404 ? "error.notFound" : "error.internal";
    return views.render("error", { lang, otherLangUrl: otherLangUrl(req, lang), title: String(status), heading: String(status), text: message(lang, key) });
  };
  app.use((req, res) => {
    res.status(404).send(errorPage(req, 404));
  });
  const pageErrors: ErrorRequestHandler = (error, req, res, next) => {
    if (res.headersSent) return next(error);
    // The request's own fault (an address whose %-escapes do not decode): say so, log nothing.
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) return res.status(400).send(errorPage(req, 400));
    logError(error);
    res.status(500).send(errorPage(req, 500));
  };
  app.use(pageErrors);
  return app;
}
