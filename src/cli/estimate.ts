// npm run estimate -- profile.json [--as-of DATE] [--json]
// npm run estimate -- --replay saved-estimate.json profile.json [--json]
// Prints the explained estimate for one profile, or replays a saved estimate (its receipt's date
// and rate) and says whether the figures still match. Exits 1 with every bad field listed when the
// profile breaks the contract (or a replay differs), 2 on a usage error or an unreadable file (a saved
// estimate whose receipt is broken included), 3 when the rules do not load, their examples fail or
// they cannot answer.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { isIsoDate, todayInSeoul } from "../engine/dates.js";
import { estimate } from "../engine/estimate.js";
import { estimateJson } from "../engine/result-json.js";
import { ENGINE_VERSION, loadCheckedRules } from "../load-rules.js";
import { FailingExamplesError } from "../audit/failing-examples.js";
import { RuleEvaluationError } from "../engine/decision-table.js";
import { issuesOf } from "../profile/parse-profile.js";
import { ProfileError, type ProfileIssue } from "../profile/profile-error.js";
import { readJsonBytes } from "../api/json-bytes-read.js";
import { duplicateKeyProblem, invalidProfile, problem, type Problem } from "../api/problem.js";
import { RuleSetError } from "../rules/rule-set-error.js";
import { replay, SavedEstimate, type ReplayReport } from "../engine/replay.js";
import { endQuietlyWhenStdoutCloses } from "./closed-stdout.js";
import { textReport } from "./text-report.js";
import { sayError, sayOut, terminalJson } from "./terminal-text.js";

/** A profile other than the one saved can give the same figures (a rate it gives is the receipt's):
 *  that is no match, but the figures do not differ either. */
function verdict(report: ReplayReport): string {
  if (report.matches) return "the figures match";
  const figuresDiffer = report.differences.length > 0 || report.totals.length > 0 || report.warnings.length > 0;
  return figuresDiffer ? "the figures DIFFER" : "the figures match, but the profile is NOT the one saved";
}

function replayText(report: ReplayReport): string {
  const same = (flag: boolean, what: string) => `${what}: ${flag ? "same" : "changed"}`;
  return [
    `Replay as of ${report.asOf}: ${verdict(report)}`,
    `  ${same(report.sameRuleSet, "rule set")}, ${same(report.sameEngine, "engine")}, ${same(report.sameProfile, "profile")}`,
    ...report.differences.flatMap((d) => [`  ${d.programId} ${d.what}: ${d.before} → ${d.after}`, ...d.why.map((w) => `      because ${w}`)]),
    ...report.totals.map((t) => `  total ${t.total === "certain" ? "certain" : "up to"}: ${t.before} → ${t.after}`),
    ...report.warnings.map((w) => `  warning: ${w.before} → ${w.after}`),
  ].join("\n");
}

const list = (issues: readonly ProfileIssue[]) => issues.map((i) => `  ${i.path}: ${i.message}`).join("\n");

const USAGE = "usage: npm run estimate -- profile.json [--as-of YYYY-MM-DD] [--json]\n       npm run estimate -- --replay saved-estimate.json profile.json [--json]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { "as-of": { type: "string" }, json: { type: "boolean" }, replay: { type: "string" } } });
  } catch (error) {
    sayError(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [path] = args.positionals;
  if (!path || args.positionals.length > 1) {
    sayError(USAGE);
    return 2;
  }
  // The command's own argument, wrong as the audit's is: not a fault of the profile file. An empty
  // one is a date given wrongly, not a date left out.
  const asOf = args.values["as-of"];
  if (asOf !== undefined && !isIsoDate(asOf)) {
    sayError(`--as-of must be a date written YYYY-MM-DD, and one the calendar has\n${USAGE}`);
    return 2;
  }
  /** A JSON file read as the API reads a body: UTF-8, a byte-order mark allowed, each key once. What
   *  is wrong with it is the API's problem document on standard output with --json. */
  const readJson = async (file: string): Promise<unknown> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      sayError(`${file}: ${(error as Error).message}`);
      return undefined;
    }
    const refuse = (p: Problem) => {
      if (args.values.json) console.log(terminalJson(p));
      else sayError(`${file}: ${p.detail}`);
      return undefined;
    };
    const read = readJsonBytes(bytes);
    if ("value" in read) return read.value;
    switch (read.error) {
      case "charset.invalid":
        return refuse(problem(415, "unsupported-encoding", "Unsupported encoding", "the file is not valid UTF-8: write it as UTF-8 JSON"));
      case "entity.parse.failed":
        return refuse(problem(400, "malformed-json", "Malformed JSON", `the file is not valid JSON: ${read.reason}`));
      case "json.duplicate-key":
        return refuse(duplicateKeyProblem(read.path));
    }
  };
  let profile = await readJson(path);
  if (profile === undefined) return 2;
  const replayPath = args.values.replay;
  if (replayPath !== undefined && args.values["as-of"] !== undefined) {
    // A replay runs on the saved receipt's date: another date would not reproduce anything.
    sayError(`--as-of does not go with --replay, which uses the saved receipt's date\n${USAGE}`);
    return 2;
  }
  const savedInput = replayPath === undefined ? undefined : await readJson(replayPath);
  if (replayPath !== undefined && savedInput === undefined) return 2;
  /** The saved file's own problems (exit 2), named as the API names them: with --json, its problem
   *  document on standard output; as text, by their paths in that file. */
  const refuseSaved = (issues: readonly ProfileIssue[]) => {
    const detail = "not a saved estimate this can replay: it needs an estimate's JSON, with its receipt, programs and totals";
    if (args.values.json) console.log(terminalJson(problem(422, "invalid-replay", "Not a replay request", detail, issues)));
    else sayError(`${replayPath}: ${detail}:\n${list(issues.map((i) => ({ ...i, path: i.path.replace(/^estimate\./, "") })))}`);
    return 2;
  };
  const saved = replayPath === undefined ? undefined : SavedEstimate.safeParse(savedInput);
  if (saved && !saved.success) return refuseSaved(new ProfileError(issuesOf(SavedEstimate, savedInput)).under("estimate").issues);
  if (args.values["as-of"] !== undefined && profile && typeof profile === "object") profile = { ...profile, asOf: args.values["as-of"] };

  try {
    const { ruleSet: rules } = await loadCheckedRules();
    if (saved?.success) {
      const report = replay(rules, saved.data, profile, ENGINE_VERSION);
      if (args.values.json) console.log(terminalJson(report));
      else sayOut(replayText(report));
      return report.matches ? 0 : 1;
    }
    const result = estimate(rules, profile, { today: todayInSeoul(), engineVersion: ENGINE_VERSION });
    if (args.values.json) console.log(terminalJson(estimateJson(result)));
    else sayOut(textReport(result));
    return 0;
  } catch (error) {
    if (error instanceof ProfileError) {
      // The saved estimate's own problems (its receipt) are that file's, not the profile's.
      const ofSaved = error.issues.filter((i) => i.path.startsWith("estimate."));
      if (ofSaved.length) return refuseSaved(ofSaved);
      // With --json, the API's problem body on standard output, for a script to read as it reads a 422.
      if (args.values.json) console.log(terminalJson(invalidProfile(error.issues)));
      else sayError(`${path}: the profile has problems:\n${list(error.issues)}`);
      return 1;
    }
    if (error instanceof RuleSetError || error instanceof FailingExamplesError) {
      sayError(error.message);
      return 3;
    }
    if (error instanceof RuleEvaluationError) {
      sayError(error.reason);
      return 3;
    }
    throw error;
  }
}

endQuietlyWhenStdoutCloses();
process.exitCode = await main();
