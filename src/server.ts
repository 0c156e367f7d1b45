// The process. Loads and compiles the rule set and runs its examples (refusing to start, with every
// problem or failing example listed, if it has any), then serves on HOST:PORT with one worker per
// core (WEB_CONCURRENCY overrides). The rule set is immutable, so workers share nothing and more
// processes or machines scale it out.
// SIGTERM stops taking connections and lets requests in flight finish.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { join } from "node:path";
import { FailingExamplesError } from "./audit/failing-examples.js";
import { ENGINE_VERSION, loadCheckedRules, PROJECT_ROOT } from "./load-rules.js";
import { RuleSetError } from "./rules/rule-set-error.js";
import { serverSettings } from "./server-settings.js";
import { createApp } from "./web/app.js";
import { loadViews } from "./web/view-engine.js";

const settings = serverSettings(process.env, availableParallelism());
if ("problems" in settings) {
  console.error(`cannot start: ${settings.problems.join("; ")}`);
  process.exit(1);
}
const { host, port, workers, logLevel } = settings;
const logger = pino({ level: logLevel, base: { pid: process.pid } });
const GRACE_MS = 10_000;

/** The rule set and its examples' outcomes, or the process stops listing what is wrong with it:
 *  problems in its files, and examples that the rules no longer answer as the files say. */
async function loadOrExit() {
  try {
    return await loadCheckedRules();
  } catch (error) {
    if (!(error instanceof RuleSetError || error instanceof FailingExamplesError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function serve(): Promise<void> {
  const { ruleSet, examples } = await loadOrExit();
  const views = await loadViews(join(PROJECT_ROOT, "views"));
  // The rule pages show the outcomes the check above ran, rather than run every example again.
  const app = createApp({ ruleSet, engineVersion: ENGINE_VERSION, views, logger, examples });
  // Express 5 calls back on a failure to listen too (a port in use): that is no start, and says so.
  const server: Server = app.listen(port, host, (error?: Error) => {
    if (error) {
      // The reason is the message: a stack from inside Node's net module tells an operator nothing more.
      logger.error(`cannot serve on http://${host}:${port}: ${error.message}`);
      process.exit(1);
    }
    // The port listened on, which PORT=0 leaves to the system to choose.
    logger.info({ rules: ruleSet.hash.slice(0, 12), engine: ENGINE_VERSION }, `serving http://${host}:${(server.address() as AddressInfo).port}`);
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
  let stopping: { readonly code: 0 | 1 } | undefined;
  // A worker that dies before any has served (the port in use) would die again: restarting it would
  // loop for ever, so the server stops instead.
  let served = false;
  cluster.on("listening", () => {
    served = true;
  });
  const stop = (code: 0 | 1) => {
    stopping = { code };
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(code);
    for (const worker of alive) worker?.process.kill("SIGTERM");
  };
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopping.code);
      return;
    }
    if (!served) {
      logger.error({ worker: worker.process.pid, code }, "a worker could not start serving; stopping");
      stop(1);
      return;
    }
    logger.error({ worker: worker.process.pid, code }, "worker died; starting another");
    cluster.fork();
  });
  process.once("SIGTERM", () => stop(0));
  process.once("SIGINT", () => stop(0));
} else {
  await serve();
}
