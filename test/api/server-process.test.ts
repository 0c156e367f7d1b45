// The real process, as `npm start` runs it: workers on a port of 127.0.0.1, and a SIGTERM that lets
// a request in flight finish before the process exits cleanly.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_PROFILE } from "../../src/api/openapi.js";
import { PROJECT_ROOT } from "../../src/load-rules.js";

const port = 3900 + Math.floor(Math.random() * 90);

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

/** The server run until it stops by itself (refusing to start): its exit code and what it printed. */
async function runToExit(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const [code] = await once(child, "exit");
  return { code, stdout, stderr };
}

describe("the server process", () => {
  it("serves with two workers, then finishes the request in flight on SIGTERM and exits 0", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: String(port), WEB_CONCURRENCY: "2", LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url);
    // A streamed batch long enough to be mid-flight when the signal comes.
    const lines = Array.from({ length: 3000 }, () => JSON.stringify(EXAMPLE_PROFILE)).join("\n");
    const response = await fetch(`${url}/api/v1/estimate/batch?explain=false`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body: lines });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    child.kill("SIGTERM");
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
    expect(response.status).toBe(200);
    expect(text.trim().split("\n")).toHaveLength(3000);
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  }, 30_000);

  // npm runs a script through sh, which dies on SIGTERM without passing it on: the server, orphaned,
  // went on serving. The script execs node, so npm's signal reaches the server itself.
  it("stops when npm start is sent SIGTERM, as a supervisor sends it", async () => {
    const npmPort = port + 1;
    const child = spawn("npm", ["start"], { cwd: PROJECT_ROOT, env: { ...process.env, PORT: String(npmPort), WEB_CONCURRENCY: "1", LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "ignore"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    const url = `http://127.0.0.1:${npmPort}`;
    await waitForHealth(url);
    child.kill("SIGTERM");
    await once(child, "exit");
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(output).toContain("stopping: finishing requests in flight");
  }, 30_000);

  // Express 5 calls back on a failure to listen: it used to log "serving" and exit 0, and with two
  // workers the primary restarted the failing one for ever.
  it.each(["1", "2"])("exits 1, saying why, when the port is in use (%s worker(s))", async (concurrency) => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const { code, stdout, stderr } = await runToExit({ PORT: String(taken), WEB_CONCURRENCY: concurrency, LOG_LEVEL: "info" });
      const output = stdout + stderr;
      expect(code).toBe(1);
      expect(output).toContain(`cannot serve on http://127.0.0.1:${taken}`);
      expect(output).toContain("EADDRINUSE");
      expect(output).not.toContain("serving http");
    } finally {
      blocker.close();
    }
  }, 30_000);

  it("refuses to start on a setting it cannot use, saying which, without a stack trace", async () => {
    const { code, stdout, stderr } = await runToExit({ PORT: "abc", LOG_LEVEL: "loud" });
    const output = stdout + stderr;
    expect(code).toBe(1);
    expect(output.trim()).toBe("cannot start: PORT=abc: must be a whole number from 0 to 65535; LOG_LEVEL=loud: must be one of fatal, error, warn, info, debug, trace, silent");
  }, 30_000);

  it("refuses to start while an example of a rule file fails, naming it at file:line:col", async () => {
    const rules = join(mkdtempSync(join(tmpdir(), "fdi-rules-")), "rules");
    cpSync(join(PROJECT_ROOT, "rules"), rules, { recursive: true });
    const file = join(rules, "kr", "foreign-investment.yaml");
    // The first example expects eligible; the edit makes it expect the opposite.
    writeFileSync(file, readFileSync(file, "utf8").replace("expect: { status: eligible, version: 2020-08-05 }", "expect: { status: ineligible, version: 2020-08-05 }"));
    const { code, stderr } = await runToExit({ PORT: String(port + 100), WEB_CONCURRENCY: "1", RULES_DIR: rules });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^1 example of the rule files fails:\n.*foreign-investment\.yaml:\d+:\d+: foreign-investment: KRW 100 million for 10% of the shares counts as foreign investment: status: expected ineligible, got eligible$/m);
  }, 30_000);
});
