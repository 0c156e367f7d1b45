// Load against a real server process on 127.0.0.1: the estimate endpoint and the result page next
// to a trivial endpoint of the same server, measured in the same run, with the server's memory
// before and after. The estimates are the benchmark's few hundred varied profiles, sent in turn, not
// one profile again and again.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { loadRules, PROJECT_ROOT } from "../src/load-rules.js";
import { benchmarkProfiles } from "./peers/profiles.js";

export interface LoadResult {
  readonly rps: number;
  /** Server CPU time per request: what the server spends, whatever the load generator beside it costs. */
  readonly serverCpuUs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly requests: number;
}

export interface HttpLoad {
  /** The estimate with its explanations (condition trees), and with figures only (?explain=false). */
  readonly estimate: LoadResult;
  readonly figures: LoadResult;
  /** The result page (GET /estimate?…): the explained estimate, two sweeps, rendered as HTML. */
  readonly page: LoadResult;
  readonly hello: LoadResult;
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
}

/** User + system CPU time of a process so far, in microseconds (clock ticks of 10 ms). */
function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Number(line.replace(/\D/g, "")) / 1024;
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", WEB_CONCURRENCY: "1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the server did not start");
}

async function hit(options: autocannon.Options, pid: number): Promise<LoadResult> {
  const cpuBefore = cpuUs(pid);
  const result = await autocannon(options);
  return {
    rps: result.requests.average,
    serverCpuUs: (cpuUs(pid) - cpuBefore) / Math.max(1, result.requests.total),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

/** A profile as the form's query string: each field at its dotted path, as profileFromQuery reads it. */
function formQuery(profile: object): string {
  const query = new URLSearchParams();
  const add = (value: unknown, path: string) => {
    if (value !== null && typeof value === "object") for (const [key, inner] of Object.entries(value)) add(inner, path ? `${path}.${key}` : key);
    else if (value !== undefined) query.append(path, value === null ? "" : String(value));
  };
  add(profile, "");
  return query.toString();
}

export async function httpLoad(seconds = 10, connections = 20, port = 3917): Promise<HttpLoad> {
  const server = await startServer(port);
  try {
    const url = `http://127.0.0.1:${port}`;
    const profiles = benchmarkProfiles(await loadRules());
    const bodies = profiles.map((profile) => JSON.stringify(profile));
    // Built once each by autocannon (no per-request set-up), so the load generator costs no more per
    // estimate than per /healthz call beyond the bytes.
    const estimates = (path: string): autocannon.Options => ({
      url,
      connections,
      requests: bodies.map((body) => ({ method: "POST", path, headers: { "content-type": "application/json" }, body })),
    });
    const pid = server.pid!;
    await hit({ ...estimates("/api/v1/estimate"), duration: 2 }, pid); // warm-up
    const rssBeforeMb = rssMb(server.pid!);
    const hello = await hit({ url: `${url}/healthz`, connections, duration: seconds }, pid);
    const estimate = await hit({ ...estimates("/api/v1/estimate"), duration: seconds }, pid);
    const figures = await hit({ ...estimates("/api/v1/estimate?explain=false"), duration: seconds }, pid);
    const page = await hit({ url, connections, duration: seconds, requests: profiles.map((profile) => ({ method: "GET", path: `/estimate?${formQuery(profile)}` })) }, pid);
    const rssAfterMb = rssMb(server.pid!);
    return { estimate, figures, page, hello, rssBeforeMb, rssAfterMb };
  } finally {
    server.kill("SIGTERM");
  }
}

if (process.argv[1] && join(process.argv[1]) === join(PROJECT_ROOT, "bench", "http-load.ts")) {
  const seconds = Number(process.argv[2] ?? 10);
  const { estimate, figures, page, hello, rssBeforeMb, rssAfterMb } = await httpLoad(seconds);
  const row = (name: string, r: LoadResult) =>
    `${name.padEnd(26)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50Ms).padStart(4)} ms   p99 ${String(r.p99Ms).padStart(4)} ms   server CPU ${r.serverCpuUs.toFixed(0).padStart(5)} µs/req   errors ${r.errors + r.non2xx}`;
  console.log(`one server process on 127.0.0.1, ${seconds} s per endpoint, 20 connections`);
  console.log(row("GET /healthz (trivial)", hello));
  console.log(row("POST /api/v1/estimate", estimate));
  console.log(row("  …?explain=false", figures));
  console.log(row("GET /estimate?… (page)", page));
  console.log(`estimate / trivial        ${((estimate.rps / hello.rps) * 100).toFixed(0)}% explained, ${((figures.rps / hello.rps) * 100).toFixed(0)}% figures only`);
  console.log(`server memory (RSS)       ${rssBeforeMb.toFixed(1)} MB before, ${rssAfterMb.toFixed(1)} MB after ${estimate.requests + figures.requests} estimates`);
}
