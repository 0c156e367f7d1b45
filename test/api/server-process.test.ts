// The real process, as `npm start` runs it: workers on a port of 127.0.0.1, and a SIGTERM that lets
// a request in flight finish before the process exits cleanly.
import { spawn } from "node:child_process";
import { once } from "node:events";
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
});
