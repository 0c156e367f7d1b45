// npm run estimate -- profile.json [--as-of DATE] [--json]
// Prints the explained estimate for one profile; exits 1 with every bad field listed when the
// profile breaks the contract, 2 on a usage error, 3 when the rule set does not load.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { todayInSeoul } from "../engine/dates.js";
import { estimate } from "../engine/estimate.js";
import { estimateJson } from "../engine/result-json.js";
import { ENGINE_VERSION, loadRules } from "../load-rules.js";
import { ProfileError } from "../profile/profile-error.js";
import { RuleSetError } from "../rules/rule-set-error.js";
import { textReport } from "./text-report.js";

const USAGE = "usage: npm run estimate -- profile.json [--as-of YYYY-MM-DD] [--json]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { "as-of": { type: "string" }, json: { type: "boolean" } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [path] = args.positionals;
  if (!path || args.positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let profile: unknown;
  try {
    profile = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    console.error(`${path}: ${(error as Error).message}`);
    return 2;
  }
  if (args.values["as-of"] && profile && typeof profile === "object") profile = { ...profile, asOf: args.values["as-of"] };

  try {
    const rules = await loadRules();
    const result = estimate(rules, profile, { today: todayInSeoul(), engineVersion: ENGINE_VERSION });
    console.log(args.values.json ? JSON.stringify(estimateJson(result), null, 2) : textReport(result));
    return 0;
  } catch (error) {
    if (error instanceof ProfileError) {
      console.error(`${path}: the profile has problems:\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
      return 1;
    }
    if (error instanceof RuleSetError) {
      console.error(error.message);
      return 3;
    }
    throw error;
  }
}

process.exitCode = await main();
