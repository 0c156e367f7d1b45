// Rule sets for tests: the real reference files plus whichever program files a test brings, compiled
// exactly as the server compiles them.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compileRuleSet, type RuleSet } from "../../src/engine/rule-set.js";
import { PROJECT_ROOT } from "../../src/load-rules.js";
import type { SourceFile } from "../../src/rules/yaml-source.js";

export const TODAY = "2026-11-24";
export const ENGINE = "test";

function filesIn(dir: string): SourceFile[] {
  return readdirSync(join(PROJECT_ROOT, dir))
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => ({ path: `${dir}/${name}`, text: readFileSync(join(PROJECT_ROOT, dir, name), "utf8") }));
}

export const referenceFiles = (): SourceFile[] => filesIn("rules/reference");
export const realProgramFiles = (): SourceFile[] => filesIn("rules/kr");
export const fixtureProgramFiles = (): SourceFile[] => filesIn("test/fixtures/rules");

export function ruleSetWith(...programs: SourceFile[]): RuleSet {
  return compileRuleSet([...referenceFiles(), ...programs]);
}

/** The problems a broken rule set reports, as "file:line:col: message" lines. */
export function problemsOf(...programs: SourceFile[]): string[] {
  try {
    ruleSetWith(...programs);
  } catch (error) {
    const problems = (error as { problems?: { file: string; line: number; col: number; message: string }[] }).problems;
    if (problems) return problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
    throw error;
  }
  return [];
}
