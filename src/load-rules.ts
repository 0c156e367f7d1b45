// How the process gets its rule set: read rules/ from disk once, compile it, or stop with every
// problem listed. Shared by the server and the commands.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import packageJson from "../package.json" with { type: "json" };
import { compileRuleSet, type RuleSet } from "./engine/rule-set.js";
import { readRuleFiles } from "./rules/read-rule-files.js";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ENGINE_VERSION: string = packageJson.version;

/** RULES_DIR points the server and the commands at another rule set (the default is rules/). */
export async function loadRules(rulesDir = process.env.RULES_DIR ?? join(PROJECT_ROOT, "rules")): Promise<RuleSet> {
  return compileRuleSet(await readRuleFiles(rulesDir));
}
