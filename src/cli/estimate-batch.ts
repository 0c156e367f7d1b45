// npm run estimate:batch -- profiles.csv|profiles.ndjson > results.csv
// Streams any number of profiles through the engine in constant memory: one CSV row out per profile
// in, in order. A CSV's header names the profile's fields as the form does (investment.amount, …);
// an NDJSON file holds one profile per line. A progress line goes to a terminal's stderr, and a
// summary (rows, errors, rate, peak memory) to stderr at the end.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { todayInSeoul } from "../engine/dates.js";
import { estimate } from "../engine/estimate.js";
import { estimatedPart, leftOutOfTotals } from "../engine/estimated-part.js";
import type { Estimate } from "../engine/result.js";
import type { RuleSet } from "../engine/rule-set.js";
import { amountString } from "../money/amount.js";
import { ProfileError } from "../profile/profile-error.js";
import { ENGINE_VERSION, loadRules } from "../load-rules.js";
import { RuleSetError } from "../rules/rule-set-error.js";
import { formFields, profileFromQuery } from "../web/form-fields.js";
import { csvLine, parseCsvLine } from "./csv.js";

const USAGE = "usage: npm run estimate:batch -- profiles.csv|profiles.ndjson > results.csv";

function header(ruleSet: RuleSet): string[] {
  return [
    "row", "outcome", "asOf", "krwPerUsd",
    ...ruleSet.programs.flatMap((p) => [`${p.id}.status`, `${p.id}.certainKrw`, `${p.id}.upToKrw`]),
    "totalCertainKrw", "totalCertainUsd", "totalUpToKrw", "totalUpToUsd", "leftOutOfTotals", "errors",
  ];
}

function resultRow(row: number, result: Estimate): string[] {
  const programCells = result.programs.flatMap((p) => {
    const b = p.benefit;
    // Empty, not 0, when the profile lacks what the figure needs (the totals then list the program).
    const figure = b && (b.kind === "amount" || b.kind === "schedule") && estimatedPart(b) !== "none" ? amountString(b.total.krw) : "";
    const certain = b && (b.kind === "amount" || b.kind === "schedule") && !b.discretionary ? figure : "";
    const upTo = b?.kind === "range" ? (b.ceiling ? amountString(b.ceiling.krw) : "") : figure;
    return [p.status, certain, upTo];
  });
  const { certain, upTo } = result.totals;
  return [
    String(row), "ok", result.asOf, result.exchangeRate.krwPerUsd.toString(), ...programCells,
    amountString(certain.krw), amountString(certain.usd), amountString(upTo.krw), amountString(upTo.usd),
    leftOutOfTotals(result).map((p) => p.program.id).join(" "), "",
  ];
}

function errorRow(row: number, width: number, message: string): string[] {
  return [String(row), "error", ...Array<string>(width - 3).fill(""), message];
}

async function main(): Promise<number> {
  const [path, ...rest] = process.argv.slice(2);
  if (!path || rest.length || !/\.(csv|ndjson|jsonl)$/.test(path)) {
    console.error(USAGE);
    return 2;
  }
  let ruleSet: RuleSet;
  try {
    ruleSet = await loadRules();
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    console.error(error.message);
    return 3;
  }
  const fields = formFields(ruleSet);
  const columns = header(ruleSet);
  const today = todayInSeoul();
  const isCsv = path.endsWith(".csv");
  const progress = process.stderr.isTTY;
  const started = process.hrtime.bigint();
  const out = process.stdout;
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };

  await write(csvLine(columns));
  let names: string[] | undefined;
  let row = 0;
  let errors = 0;
  const input = createReadStream(path, { encoding: "utf8" });
  input.on("error", (error) => {
    console.error(`${path}: ${error.message}`);
    process.exit(2);
  });
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    if (isCsv && !names) {
      names = parseCsvLine(line);
      continue;
    }
    row++;
    let profile: unknown;
    try {
      if (isCsv) {
        const cells = parseCsvLine(line);
        profile = profileFromQuery(Object.fromEntries(names!.map((n, i) => [n, cells[i] ?? ""])), fields);
      } else profile = JSON.parse(line);
    } catch {
      errors++;
      await write(csvLine(errorRow(row, columns.length, "not valid JSON")));
      continue;
    }
    try {
      await write(csvLine(resultRow(row, estimate(ruleSet, profile, { today, engineVersion: ENGINE_VERSION, explain: false }))));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      errors++;
      await write(csvLine(errorRow(row, columns.length, error.issues.map((i) => `${i.path}: ${i.message}`).join("; "))));
    }
    if (progress && row % 1000 === 0) process.stderr.write(`\r${row.toLocaleString("en")} profiles…`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  if (progress) process.stderr.write("\r");
  console.error(
    `${row.toLocaleString("en")} profiles, ${(row - errors).toLocaleString("en")} estimated, ${errors.toLocaleString("en")} refused, ` +
      `${seconds.toFixed(1)} s (${Math.round(row / Math.max(seconds, 1e-9)).toLocaleString("en")}/s), peak memory ${peakMb.toFixed(0)} MB`,
  );
  return 0;
}

process.exitCode = await main();
