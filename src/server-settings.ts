// The server's settings, read from its environment and checked before anything starts: a mistyped
// PORT or LOG_LEVEL is named with what it must be, not met later as a stack trace from deep inside
// the HTTP stack or the logger, and a WEB_CONCURRENCY of "zero" is not quietly read as one.

export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  readonly workers: number;
  readonly logLevel: string;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const WHOLE = /^\d+$/;
const WORKERS_PER_CORE = 4;

/** The settings, or every problem with them, each as "NAME=value: what it must be". */
export function serverSettings(env: Readonly<Record<string, string | undefined>>, cores: number): ServerSettings | { readonly problems: readonly string[] } {
  const problems: string[] = [];
  const { HOST: host = "127.0.0.1", PORT: port = "3000", WEB_CONCURRENCY: workers = String(cores), LOG_LEVEL: logLevel = "info" } = env;
  if (host.trim() === "") problems.push(`HOST=${host}: must name an address to listen on, such as 127.0.0.1`);
  if (!WHOLE.test(port) || Number(port) > 65535) problems.push(`PORT=${port}: must be a whole number from 0 to 65535`);
  // Each worker holds the rule set and a V8 heap: thousands would take the machine down, not serve faster.
  const mostWorkers = WORKERS_PER_CORE * cores;
  if (!WHOLE.test(workers) || Number(workers) < 1 || Number(workers) > mostWorkers) {
    problems.push(`WEB_CONCURRENCY=${workers}: must be a whole number of worker processes from 1 to ${mostWorkers} (${WORKERS_PER_CORE} a core)`);
  }
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel}: must be one of ${LOG_LEVELS.join(", ")}`);
  return problems.length ? { problems } : { host, port: Number(port), workers: Number(workers), logLevel };
}
