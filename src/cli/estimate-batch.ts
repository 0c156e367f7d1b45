// npm run estimate:batch -- profiles.csv|profiles.ndjson > results.csv
// Streams any number of profiles through the engine in constant memory: one CSV row out per profile
// in, in order. A CSV's header names the profile's fields as the form does (investment.amount, …);
// an NDJSON file holds one profile per line. A progress line goes to a terminal's stderr, and a
// summary (rows, errors, rate, peak memory) to stderr at the end.
import { createReadStream } from "node:fs";
import { endQuietlyWhenStdoutCloses } from "./closed-stdout.js";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { todayInSeoul } from "../engine/dates.js";
import { RuleEvaluationError } from "../engine/decision-table.js";
import { estimate } from "../engine/estimate.js";
import { duplicateKey } from "../api/duplicate-keys.js";
import { estimatedPart, isCertain, leftOutOfTotals } from "../engine/estimated-part.js";
import type { Estimate } from "../engine/result.js";
import type { RuleSet } from "../engine/rule-set.js";
import { describeWarning } from "../engine/warning.js";
import { amountString } from "../money/amount.js";
import { didYouMean } from "../expr/did-you-mean.js";
import { ProfileError } from "../profile/profile-error.js";
import { FailingExamplesError } from "../audit/failing-examples.js";
import { ENGINE_VERSION, loadCheckedRules } from "../load-rules.js";
import { RuleSetError } from "../rules/rule-set-error.js";
import { formFields, profileFromQuery, type FormField } from "../web/form-fields.js";
import { issueText } from "../web/issue-text.js";
import { csvLine, csvRecords, parseCsvLine, quotesClosed } from "./csv.js";
import { oneLine } from "./text-report.js";
import { sayError } from "./terminal-text.js";

const USAGE = "usage: npm run estimate:batch -- profiles.csv|profiles.ndjson > results.csv";

function header(ruleSet: RuleSet): string[] {
  return [
    "row", "outcome", "asOf", "krwPerUsd", "rateDate", "rateSource",
    ...ruleSet.programs.flatMap((p) => [`${p.id}.status`, `${p.id}.certainKrw`, `${p.id}.upToKrw`]),
    "totalCertainKrw", "totalCertainUsd", "totalUpToKrw", "totalUpToUsd", "leftOutOfTotals", "warnings", "errors",
  ];
}

function resultRow(row: number, result: Estimate): string[] {
  const programCells = result.programs.flatMap((p) => {
    const b = p.benefit;
    const figures = b?.kind === "amount" || b?.kind === "schedule" ? b : undefined;
    // Empty, not 0, when the profile lacks what the figure needs (the totals then list the program).
    const figure = figures && estimatedPart(figures) !== "none" ? amountString(figures.total.krw) : "";
    const certain = figures && isCertain(figures) ? figure : "";
    const upTo = b?.kind === "range" ? (b.ceiling ? amountString(b.ceiling.krw) : "") : figure;
    return [p.status, certain, upTo];
  });
  const { certain, upTo } = result.totals;
  return [
    String(row), "ok", result.asOf, result.exchangeRate.krwPerUsd.toString(), result.exchangeRate.date,
    oneLine(result.exchangeRate.source), ...programCells,
    amountString(certain.krw), amountString(certain.usd), amountString(upTo.krw), amountString(upTo.usd),
    leftOutOfTotals(result).upTo.map((p) => p.program.id).join(" "), result.warnings.map((w) => describeWarning(w)).join("; "), "",
  ];
}

function errorRow(row: number, width: number, message: string): string[] {
  return [String(row), "error", ...Array<string>(width - 3).fill(""), message];
}

async function main(): Promise<number> {
  const [path, ...rest] = process.argv.slice(2);
  if (!path || rest.length || !/\.(csv|ndjson|jsonl)$/.test(path)) {
    sayError(USAGE);
    return 2;
  }
  let ruleSet: RuleSet;
  try {
    ({ ruleSet } = await loadCheckedRules());
  } catch (error) {
    if (!(error instanceof RuleSetError || error instanceof FailingExamplesError)) throw error;
    sayError(error.message);
    return 3;
  }
  const fields = formFields(ruleSet);
  const columns = header(ruleSet);
  const today = todayInSeoul();
  const isCsv = path.endsWith(".csv");
  const progress = process.stderr.isTTY;
  const started = process.hrtime.bigint();
  const out = process.stdout;
  let headed = false;
  const write = async (cells: readonly string[]) => {
    if (!headed) {
      headed = true;
      out.write(`${csvLine(columns)}\n`);
    }
    if (!out.write(`${csvLine(cells)}\n`)) await once(out, "drain");
  };

  // Checked before anything is written, so that a wrong path leaves no header-only output behind.
  try {
    if (!(await stat(path)).isFile()) throw new Error("not a file");
  } catch (error) {
    sayError(`${path}: ${(error as Error).message}`);
    return 2;
  }
  let names: string[] | undefined;
  let row = 0;
  let errors = 0;
  const input = createReadStream(path, { encoding: "utf8" });
  input.on("error", (error) => {
    sayError(`${path}: ${error.message}`);
    process.exit(2);
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let first = true;
  for await (const record of isCsv ? csvRecords(lines) : lines) {
    // A byte-order mark (Excel's "CSV UTF-8" writes one) is not part of the first field.
    const text = first && record.charCodeAt(0) === 0xfeff ? record.slice(1) : record;
    first = false;
    if (text.trim() === "") continue;
    if (isCsv && !names) {
      if (text.includes("\ufffd")) {
        sayError(`${path}: the header is not valid UTF-8: save the file as UTF-8`);
        return 2;
      }
      names = parseCsvLine(text);
      const problems = headerProblems(names, fields);
      if (problems.length) {
        sayError(`${path}: ${problems.join("; ")}\nThe header names the profile's fields as the form does: ${fields.map((f) => f.path).join(", ")}`);
        return 2;
      }
      continue;
    }
    row++;
    const refuse = async (message: string) => {
      errors++;
      await write(errorRow(row, columns.length, message));
    };
    // The file is decoded as UTF-8, which turns bytes that are not into U+FFFD: such a row (a CP949 or
    // Latin-1 spreadsheet's) is refused, not estimated on what decoding made of it.
    if (text.includes("\ufffd")) {
      await refuse("not valid UTF-8: save the file as UTF-8");
      continue;
    }
    let profile: unknown;
    if (isCsv) {
      if (!quotesClosed(text)) {
        await refuse("a quoted cell is never closed");
        continue;
      }
      const cells = parseCsvLine(text);
      // Too few cells is no more a profile than too many: a missing rate would fall back to the table unseen.
      if (cells.length !== names!.length) {
        await refuse(`${cells.length} cells, but the header names ${names!.length} columns`);
        continue;
      }
      profile = profileFromQuery(Object.fromEntries(names!.map((n, i) => [n, cells[i] ?? ""])), fields);
    } else {
      try {
        profile = JSON.parse(text);
      } catch {
        await refuse("not valid JSON");
        continue;
      }
      const duplicate = duplicateKey(text);
      if (duplicate !== undefined) {
        await refuse(`${duplicate} is given more than once`);
        continue;
      }
    }
    try {
      await write(resultRow(row, estimate(ruleSet, profile, { today, engineVersion: ENGINE_VERSION, explain: false })));
    } catch (error) {
      // A rule set that cannot answer one profile (rows of a unique table both matching) fails that row only.
      if (error instanceof RuleEvaluationError) await refuse(error.reason);
      // A CSV's cells are read as the form reads its fields (30,000,000 is a figure), and a bad one is
      // told as the form tells it; an NDJSON line is the API's JSON, told in the contract's words.
      else if (error instanceof ProfileError) await refuse(error.issues.map((i) => `${i.path}: ${isCsv ? issueText(i.message, "en") : i.message}`).join("; "));
      else throw error;
    }
    if (progress && row % 1000 === 0) process.stderr.write(`\r${row.toLocaleString("en")} profiles…`);
  }
  if (!headed) out.write(`${csvLine(columns)}\n`); // no profiles: the header alone
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  if (progress) process.stderr.write("\r");
  sayError(
    `${row.toLocaleString("en")} profiles, ${(row - errors).toLocaleString("en")} estimated, ${errors.toLocaleString("en")} refused, ` +
      `${seconds.toFixed(1)} s (${Math.round(row / Math.max(seconds, 1e-9)).toLocaleString("en")}/s), peak memory ${peakMb.toFixed(0)} MB`,
  );
  // Every profile refused is a failed run; some refused is a run whose rows say which and why.
  return row > 0 && errors === row ? 1 : 0;
}

/** Header names that are not the profile's fields, or name one twice: a misspelt column would
 *  otherwise be dropped unseen, and of two columns for one field the second would win unseen. */
function headerProblems(names: readonly string[], fields: readonly FormField[]): string[] {
  const known = new Set(fields.map((f) => f.path));
  const twice = names.filter((name, i) => known.has(name) && names.indexOf(name) !== i);
  return [
    ...names.filter((name) => !known.has(name)).map((name) => `unknown column '${name}'${didYouMean(name, known)}`),
    ...[...new Set(twice)].map((name) => `column '${name}' appears more than once`),
  ];
}

endQuietlyWhenStdoutCloses();
process.exitCode = await main();
