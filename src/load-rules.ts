// How the process gets its rule set: read rules/ from disk once, compile it, or stop with every
// problem listed. Shared by the server and the commands.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import packageJson from "../package.json" with { type: "json" };
import { failingExamples, FailingExamplesError } from "./audit/failing-examples.js";
import { compileRuleSet, type RuleSet } from "./engine/rule-set.js";
import { runExamples, type ExampleOutcome } from "./engine/run-examples.js";
import { readRuleFiles } from "./rules/read-rule-files.js";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ENGINE_VERSION: string = packageJson.version;

/** RULES_DIR points the server and the commands at another rule set (the default is rules/). */
export async function loadRules(rulesDir = process.env.RULES_DIR ?? join(PROJECT_ROOT, "rules")): Promise<RuleSet> {
  return compileRuleSet(await readRuleFiles(rulesDir));
}

/**
 * The rule set to answer with: loaded, and its examples run (the rule files' own tests of what they
 * say). A RuleSetError lists every problem of its files, a FailingExamplesError every example the
 * rules no longer answer as their files say; the outcomes come back for the rule pages to show.
 */
export async function loadCheckedRules(): Promise<{ ruleSet: RuleSet; examples: readonly ExampleOutcome[] }> {
  const ruleSet = await loadRules();
  const examples = runExamples(ruleSet, ENGINE_VERSION);
  const failing = failingExamples(ruleSet, examples);
  if (failing.length) throw new FailingExamplesError(failing);
  return { ruleSet, examples };
}
