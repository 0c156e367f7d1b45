// npm run bench [-- --json] — how long the engine takes: a full evaluation of every program for one
// validated profile (with and without explanations), validating a raw profile, and loading the rule
// set from disk.
import { estimate, estimateProfile } from "../src/engine/estimate.js";
import { parseProfile } from "../src/profile/parse-profile.js";
import { compileRuleSet } from "../src/engine/rule-set.js";
import { loadRules, PROJECT_ROOT } from "../src/load-rules.js";
import { readRuleFiles } from "../src/rules/read-rule-files.js";
import { join } from "node:path";
import { medianNs } from "./measure.js";

const rules = await loadRules();
const profile = {
  asOf: "2026-11-24",
  investment: { route: "new-shares", amount: "30000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing", technology: "semiconductors" },
  site: { region: "chungnam" },
  employment: { newRegularEmployees: 120, researchers: 12 },
  costs: { capitalGoodsImports: "8000000", customsDutyRatePct: "8", stateLandValue: "5000000", leaseYears: 20 },
  exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "bench" },
};
const options = { today: "2026-11-24", engineVersion: "bench" };

// The engine's work on a validated profile, and the validation of the raw profile, measured apart.
const validated = parseProfile(profile, rules.profileSchema);
const engineNs = medianNs(() => estimateProfile(rules, validated, options));
const engineNoExplainNs = medianNs(() => estimateProfile(rules, validated, { ...options, explain: false }));
const validateNs = medianNs(() => parseProfile(profile, rules.profileSchema));
const endToEndNs = medianNs(() => estimate(rules, profile, options));
const files = await readRuleFiles(join(PROJECT_ROOT, "rules"));
const compileMs = medianNs(() => compileRuleSet(files), { warmup: 3, samples: 11, batch: 1 }) / 1e6;
const loadStart = process.hrtime.bigint();
await loadRules();
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;

const results = {
  programs: rules.programs.length,
  engine_ns: Math.round(engineNs),
  engine_noexplain_ns: Math.round(engineNoExplainNs),
  validate_ns: Math.round(validateNs),
  validate_and_engine_ns: Math.round(endToEndNs),
  compile_ms: Number(compileMs.toFixed(2)),
  load_ms: Number(loadMs.toFixed(2)),
};
console.log(`programs in the rule set           ${results.programs}`);
console.log(`full evaluation, explained         ${(results.engine_ns / 1000).toFixed(2)} µs (median)`);
console.log(`full evaluation, figures only      ${(results.engine_noexplain_ns / 1000).toFixed(2)} µs (median)`);
console.log(`validate the raw profile             ${(results.validate_ns / 1000).toFixed(2)} µs (median)`);
console.log(`validate + full evaluation         ${(results.validate_and_engine_ns / 1000).toFixed(2)} µs (median)`);
console.log(`compile the rule set (in memory)   ${results.compile_ms} ms (median)`);
console.log(`load the rule set from disk        ${results.load_ms} ms`);
if (process.argv.includes("--json")) console.log(JSON.stringify(results));
