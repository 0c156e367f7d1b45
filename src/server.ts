// The process. Loads and compiles the rule set (refusing to start, with every problem listed, if
// it has any), then serves on HOST:PORT with one worker per core (WEB_CONCURRENCY overrides). The
// rule set is immutable, so workers share nothing and more processes or machines scale it out.
// SIGTERM stops taking connections and lets requests in flight finish.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import type { Server } from "node:http";
import { pino } from "pino";
import { join } from "node:path";
import { ENGINE_VERSION, loadRules, PROJECT_ROOT } from "./load-rules.js";
import { RuleSetError } from "./rules/rule-set-error.js";
import { createApp } from "./web/app.js";
import { loadViews } from "./web/view-engine.js";

const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? availableParallelism()));
const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } });
const GRACE_MS = 10_000;

async function loadOrExit() {
  try {
    return await loadRules();
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function serve(): Promise<void> {
  const ruleSet = await loadOrExit();
  const views = await loadViews(join(PROJECT_ROOT, "views"));
  const app = createApp({ ruleSet, engineVersion: ENGINE_VERSION, views, logger });
  const server: Server = app.listen(port, host, () => {
    logger.info({ rules: ruleSet.hash.slice(0, 12), engine: ENGINE_VERSION }, `serving http://${host}:${port}`);
  });
  const stop = () => {
    logger.info("stopping: finishing requests in flight");
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), GRACE_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (cluster.isPrimary && workers > 1) {
  await loadOrExit(); // fail once, with the full list, before forking anything
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ worker: worker.process.pid, code }, "worker died; starting another");
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} else {
  await serve();
}
