// npm run bench:batch [-- COUNT] — proves the batch command runs in constant memory: it streams
// 10,000 and then COUNT (default 1,000,000) generated profiles through `estimate:batch` (through a
// named pipe, so no file of that size is written) and compares the peak memory of the two runs.
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { PROJECT_ROOT } from "../src/load-rules.js";

function profileLine(i: number): string {
  const sectors = ["manufacturing", "software", "logistics", "tourism", "research-development", "wholesale-retail"];
  return JSON.stringify({
    asOf: "2026-11-24",
    investment: { route: i % 7 === 0 ? "long-term-loan" : "new-shares", amount: String(1_000_000 + ((i * 7919) % 60_000_000)), currency: i % 3 ? "USD" : "KRW", foreignOwnershipPct: String(5 + (i % 96)), loanTermYears: 5 },
    business: { sector: sectors[i % sectors.length], technology: i % 4 === 0 ? "semiconductors" : null },
    site: { region: i % 2 ? "seoul" : "chungnam", zone: i % 5 === 0 ? "fiz-service" : "none" },
    employment: { newRegularEmployees: i % 400, researchers: i % 15 },
    costs: { stateLandValue: "5000000", leaseYears: 20 },
    exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "bench" },
  });
}

async function run(count: number): Promise<{ summary: string; peakMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), "fdi-batch-"));
  const fifo = join(dir, "profiles.ndjson");
  execFileSync("mkfifo", [fifo]);
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/estimate-batch.ts", fifo], { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const out = createWriteStream(fifo);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${profileLine(i)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(child, "exit");
  rmSync(dir, { recursive: true });
  const summary = stderr.trim().split("\n").pop() ?? "";
  return { summary, peakMb: Number(/peak memory (\d+) MB/.exec(summary)?.[1]) };
}

const count = Number(process.argv[2] ?? 1_000_000);
const small = await run(10_000);
console.log(`10,000 profiles: ${small.summary}`);
const large = await run(count);
console.log(`${count.toLocaleString("en")} profiles: ${large.summary}`);
console.log(`peak memory ratio (large / small): ${(large.peakMb / small.peakMb).toFixed(2)}`);
