// The one function that touches the disk for rules: every .yaml file under the rules directory,
// in a stable order, named as they will be printed in problems: "rules/kr/cash-grant.yaml",
// wherever the directory lives. A file that would be skipped or misread unseen (a .yml name, text
// that is not UTF-8) stops the load here, with where it is.
import { isUtf8 } from "node:buffer";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { RuleSetError, type RuleProblem } from "./rule-set-error.js";
import type { SourceFile } from "./yaml-source.js";

/** The JSON Schemas rule files point their editors to: read by editors, not by the loader. */
const SCHEMA_DIR = "schema";

export async function readRuleFiles(rulesDir: string): Promise<SourceFile[]> {
  const entries = await readdir(rulesDir, { recursive: true, withFileTypes: true });
  const problems: RuleProblem[] = [];
  const paths: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const shown = join("rules", relative(rulesDir, path));
    if (entry.name.endsWith(".yaml")) paths.push(path);
    else if (relative(rulesDir, entry.parentPath) !== SCHEMA_DIR && !entry.name.startsWith(".")) {
      problems.push({ file: shown, line: 1, col: 1, message: "not read: rule files end in .yaml (rename it, or move it out of rules/)" });
    }
  }
  paths.sort();
  const files = await Promise.all(
    paths.map(async (path) => {
      const bytes = await readFile(path);
      const file = { path: join("rules", relative(rulesDir, path)), text: bytes.toString("utf8") };
      if (!isUtf8(bytes)) problems.push({ file: file.path, ...positionOf(file.text, file.text.indexOf("\uFFFD")), message: "not valid UTF-8: save the file as UTF-8" });
      return file;
    }),
  );
  if (problems.length) throw new RuleSetError(problems.sort((a, b) => a.file.localeCompare(b.file)));
  return files;
}

/** Line and column (from 1) of an offset in a text. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, col: offset - lineStart + 1 };
}
