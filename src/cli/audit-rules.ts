// npm run audit:rules [-- --json] [--as-of YYYY-MM-DD] [--stale-days N]
// Loads the rule set and audits it; exits 1 when there is anything to fix (load errors included).
import { parseArgs } from "node:util";
import { auditRuleSet, DEFAULT_STALE_DAYS, type AuditReport } from "../audit/audit-report.js";
import { failingExampleLine } from "../audit/failing-examples.js";
import { isIsoDate, todayInSeoul } from "../engine/dates.js";
import { ENGINE_VERSION, loadRules } from "../load-rules.js";
import { formatProblem, RuleSetError } from "../rules/rule-set-error.js";

const MAX_STALE_DAYS = 36_500;
const USAGE = "usage: npm run audit:rules -- [--json] [--as-of YYYY-MM-DD] [--stale-days N]";

function textReport(r: AuditReport): string {
  const lines = [`Rule set audit: ${r.programs} programs, rules ${r.rulesetHash.slice(0, 12)}, ${r.asOf ? `as in force on ${r.asOf}` : "all dates"}`, ""];
  const section = (title: string, items: readonly string[]) => {
    if (items.length) lines.push(`${title} (${items.length})`, ...items.map((i) => `  ${i}`), "");
  };
  lines.push(r.errorCount ? `ERRORS: ${r.errorCount}` : "No errors.", "");
  section("Examples that fail", r.examples.failing.map(failingExampleLine));
  section(
    "Clauses no example sees both hold and fail",
    r.coverage.uncovered.map((c) => `${c.programId}: "${c.label.en}" [${c.source}] — held ${c.passes}, failed ${c.fails} (${c.kind}, versions ${c.versions.join(", ")})`),
  );
  section("Decision-table rows that can never match", r.neverMatchingRows.map((n) => `${n.programId} ${n.version} ${n.table}: ${n.message}`));
  section("Figures said to be verified after today", r.verifiedInFuture.map((f) => `${f.at}: ${f.programId}.${f.parameter} from ${f.from} = ${f.value}, verified ${f.verified}`));
  lines.push("Warnings", "");
  section("Values between tiers that no row takes", r.tableGaps.map((n) => `${n.programId} ${n.version} ${n.table}: ${n.message}`));
  section("Change dates without an example on both sides", r.missingBoundaries.map((m) => `${m.programId} ${m.date} (${m.what}): none dated ${m.missing.join(", ")}`));
  section("Figures resting on the press or unconfirmed", r.unconfirmedFigures.map((f) => `${f.at}: ${f.programId}.${f.parameter} from ${f.from} = ${f.value} (${f.confidence})`));
  section("Reference rows said to be official that cite no source", r.unsourcedReferenceRows.map((u) => `${u.at}: ${u.table} ${u.code}`));
  section("Figures not verified within the staleness horizon", r.staleFigures.map((f) => `${f.at}: ${f.programId}.${f.parameter} from ${f.from} = ${f.value}, verified ${f.verified}`));
  const rates = r.rateTable;
  const until = rates.daysLeft >= 0 ? `${rates.usableUntil}, ${rates.daysLeft} days from today` : `${rates.usableUntil}, ${-rates.daysLeft} days ago`;
  section("Default exchange rates running out", rates.runningOut ? [`rules/reference/usd-krw.yaml covers ${rates.first} to ${rates.last} and serves dates up to ${until}: add the months since, or every estimate after that date must give its own rate`] : []);
  lines.push(`Default exchange rates: ${rates.first} to ${rates.last}, usable until ${rates.usableUntil}.`);
  const covered = r.coverage.clauses - r.coverage.uncovered.length;
  lines.push(`Coverage: ${covered} of ${r.coverage.clauses} clauses seen both holding and failing; ${r.examples.total} examples, ${r.examples.failing.length} failing.`);
  return lines.join("\n");
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { json: { type: "boolean" }, "as-of": { type: "string" }, "stale-days": { type: "string" } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const asOf = args.values["as-of"];
  if (asOf !== undefined && !isIsoDate(asOf)) {
    console.error(`--as-of must be a date written YYYY-MM-DD\n${USAGE}`);
    return 2;
  }
  const staleText = args.values["stale-days"] ?? String(DEFAULT_STALE_DAYS);
  const staleDays = Number(staleText);
  // Digits only ("1e3", "0x10" and "" are numbers to Number); at most a century: the horizon is
  // counted back from today as a calendar date.
  if (!/^\d+$/.test(staleText) || staleDays > MAX_STALE_DAYS) {
    console.error(`--stale-days must be a whole number of days from 0 to ${MAX_STALE_DAYS}\n${USAGE}`);
    return 2;
  }
  try {
    const report = auditRuleSet(await loadRules(), { today: todayInSeoul(), engineVersion: ENGINE_VERSION, asOf, staleDays });
    console.log(args.values.json ? JSON.stringify(report, null, 2) : textReport(report));
    return report.errorCount ? 1 : 0;
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    if (args.values.json) console.log(JSON.stringify({ loadErrors: error.problems }, null, 2));
    else console.error(`The rule set does not load:\n${error.problems.map(formatProblem).join("\n")}`);
    return 1;
  }
}

process.exitCode = await main();
