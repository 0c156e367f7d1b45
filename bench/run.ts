// npm run bench [-- --json] [--no-http]
// Our engine against the floor and its peers, in one run on one machine, over a few hundred varied
// profiles: the full Korean rule pack evaluated with and without explanations; the same eligibility
// rules written by hand, for json-rules-engine and as a ZEN decision, the benefit figures written by
// hand, and the engine's full result written by hand (each first checked to agree with the engine on
// every profile, the full results to the character of their JSON); validating a raw profile;
// loading the rule set; and the estimate endpoint under load next to a trivial endpoint of the same
// server.
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";
import { estimateProfile, statusesOf } from "../src/engine/estimate.js";
import { compileRuleSet } from "../src/engine/rule-set.js";
import { loadRules, PROJECT_ROOT } from "../src/load-rules.js";
import { parseProfile } from "../src/profile/parse-profile.js";
import { readRuleFiles } from "../src/rules/read-rule-files.js";
import { httpLoad } from "./http-load.js";
import { cycle, medianNs, medianNsAsync } from "./measure.js";
import { checkAgreement, TODAY } from "./peers/agreement.js";
import { handwrittenStatuses } from "./peers/handwritten.js";
import { handwrittenFigures } from "./peers/handwritten-figures.js";
import { makeHandwrittenEstimator } from "./peers/handwritten-results.js";
import { makeJreRunner } from "./peers/jre.js";
import { benchmarkProfiles } from "./peers/profiles.js";
import { makeZenRunner } from "./peers/zen.js";

const json = process.argv.includes("--json");
const withHttp = !process.argv.includes("--no-http");
const rules = await loadRules();
const profiles = benchmarkProfiles(rules);

const disagreements = await checkAgreement(rules, profiles);
if (disagreements.length) {
  console.error(`the peers disagree with the engine on ${disagreements.length} statuses, figures or results, e.g. ${JSON.stringify(disagreements.slice(0, 3))}`);
  process.exit(1);
}

const options = { today: TODAY, engineVersion: "bench" };
// Made once: spreading it in the timed call cost more than a microsecond (V8 copies an object spread
// with an added property slowly), which was the harness's time, not the engine's.
const leanOptions = { ...options, explain: false };
const next = () => cycle(profiles);
const engine = next();
const engineNs = medianNs(() => estimateProfile(rules, engine(), options));
const lean = next();
const engineNoExplainNs = medianNs(() => estimateProfile(rules, lean(), leanOptions));
const statusesOnly = next();
const engineStatusesNs = medianNs(() => statusesOf(rules, statusesOnly(), TODAY));
const hand = next();
const handwrittenNs = medianNs(() => handwrittenStatuses(hand(), TODAY));
const handFigures = next();
const handwrittenFiguresNs = medianNs(() => handwrittenFigures(handFigures(), TODAY));
const estimator = makeHandwrittenEstimator(rules, options);
const handResults = next();
const handwrittenResultsNs = medianNs(() => estimator(handResults()));
const jre = makeJreRunner();
const jreProfile = next();
const jreNs = await medianNsAsync(() => jre(jreProfile()));
const zen = makeZenRunner();
const zenProfile = next();
const zenNs = await medianNsAsync(() => zen(zenProfile()));
const raw = cycle(profiles.map((p) => JSON.parse(JSON.stringify(p)) as unknown));
const validateNs = medianNs(() => parseProfile(raw(), rules.profileSchema));

const files = await readRuleFiles(join(PROJECT_ROOT, "rules"));
const compileMs = medianNs(() => compileRuleSet(files), { warmupMs: 300, samples: 11, batch: 1 }) / 1e6;
const loadStart = process.hrtime.bigint();
await loadRules();
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;

const http = withHttp ? await httpLoad(8) : undefined;

const results = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus()[0]?.model ?? "unknown CPU"}, ${availableParallelism()} cores, Node ${process.versions.node}`,
  profiles: profiles.length,
  programs: rules.programs.length,
  engine_ns: Math.round(engineNs),
  engine_noexplain_ns: Math.round(engineNoExplainNs),
  engine_statuses_ns: Math.round(engineStatusesNs),
  handwritten_ns: Math.round(handwrittenNs),
  handwritten_figures_ns: Math.round(handwrittenFiguresNs),
  handwritten_results_ns: Math.round(handwrittenResultsNs),
  jre_ns: Math.round(jreNs),
  zen_ns: Math.round(zenNs),
  validate_ns: Math.round(validateNs),
  load_ms: Number(loadMs.toFixed(1)),
  compile_ms: Number(compileMs.toFixed(1)),
  ...(http && {
    http_rps: Math.round(http.estimate.rps),
    http_p99_ms: http.estimate.p99Ms,
    http_noexplain_rps: Math.round(http.figures.rps),
    page_rps: Math.round(http.page.rps),
    page_p99_ms: http.page.p99Ms,
    hello_rps: Math.round(http.hello.rps),
    http_cpu_us: Math.round(http.estimate.serverCpuUs),
    http_noexplain_cpu_us: Math.round(http.figures.serverCpuUs),
    page_cpu_us: Math.round(http.page.serverCpuUs),
    hello_cpu_us: Math.round(http.hello.serverCpuUs),
  }),
};

const us = (ns: number, width = 8) => `${(ns / 1000).toFixed(2).padStart(width)} µs`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
console.log(`${results.date}, ${results.machine}`);
console.log(`${results.programs} programs, ${results.profiles} profiles; every peer agrees with the engine on every status, the hand-written figures on every figure, and the hand-written results on every character of the JSON`);
console.log(`engine, explained                 ${us(results.engine_ns)}`);
console.log(`engine, figures only              ${us(results.engine_noexplain_ns)}   ${ratio(results.engine_noexplain_ns, results.handwritten_ns)} the hand-written floor`);
console.log(`engine, statuses only             ${us(results.engine_statuses_ns)}   ${ratio(results.engine_statuses_ns, results.handwritten_ns)} the hand-written floor (like for like)`);
console.log(`hand-written (statuses only)      ${us(results.handwritten_ns)}`);
// One column narrower: the label is one longer than the column.
console.log(`hand-written (statuses and figures)${us(results.handwritten_figures_ns, 7)}   engine, figures only, is ${ratio(results.engine_noexplain_ns, results.handwritten_figures_ns)} this (two integers a program)`);
console.log(`hand-written (full results)       ${us(results.handwritten_results_ns)}   engine, figures only, is ${ratio(results.engine_noexplain_ns, results.handwritten_results_ns)} this (like for like)`);
console.log(`json-rules-engine 7               ${us(results.jre_ns)}   engine is ${ratio(results.jre_ns, results.engine_noexplain_ns)} faster`);
console.log(`ZEN 0.52 (native)                 ${us(results.zen_ns)}   engine is ${ratio(results.zen_ns, results.engine_noexplain_ns)} faster`);
console.log(`validate a raw profile            ${us(results.validate_ns)}`);
console.log(`load the rule set from disk       ${results.load_ms.toFixed(1).padStart(8)} ms (compile alone ${results.compile_ms} ms)`);
if (http) {
  console.log(`POST /api/v1/estimate             ${String(results.http_rps).padStart(8)} req/s, p99 ${http.estimate.p99Ms} ms, ${ratio(http.estimate.rps, http.hello.rps)} of /healthz (${http.estimate.serverCpuUs.toFixed(0)} µs server CPU per request)`);
  console.log(`  …?explain=false                 ${String(results.http_noexplain_rps).padStart(8)} req/s, ${ratio(http.figures.rps, http.hello.rps)} of /healthz (${http.figures.serverCpuUs.toFixed(0)} µs)`);
  console.log(`GET /estimate?… (result page)     ${String(results.page_rps).padStart(8)} req/s, p99 ${http.page.p99Ms} ms (${http.page.serverCpuUs.toFixed(0)} µs)`);
  console.log(`GET /healthz                      ${String(results.hello_rps).padStart(8)} req/s (${http.hello.serverCpuUs.toFixed(0)} µs)`);
}
if (json) console.log(JSON.stringify(results));
process.exit(0);
