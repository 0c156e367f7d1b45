// The one function that touches the disk for rules: every .yaml file under the rules directory,
// in a stable order, named as they will be printed in problems: "rules/kr/cash-grant.yaml",
// wherever the directory lives.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { SourceFile } from "./yaml-source.js";

export async function readRuleFiles(rulesDir: string): Promise<SourceFile[]> {
  const entries = await readdir(rulesDir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith(".yaml"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Promise.all(paths.map(async (path) => ({ path: join("rules", relative(rulesDir, path)), text: await readFile(path, "utf8") })));
}
