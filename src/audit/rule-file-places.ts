// Where a part of a rule file is, as file:line:col, for the audit's findings: a program's file is
// parsed again for its positions only when a finding in it is placed, and once.
import type { RuleSet } from "../engine/rule-set.js";
import { parseYamlSource, type DataPath, type YamlSource } from "../rules/yaml-source.js";

export function ruleFilePlaces(ruleSet: RuleSet): (programId: string, path: DataPath) => string {
  const parsed = new Map<string, YamlSource>();
  return (programId, path) => {
    let source = parsed.get(programId);
    if (!source) parsed.set(programId, (source = parseYamlSource(ruleSet.sources.get(programId)!.source)));
    return placeIn(source, path);
  };
}

/** A path's place in a parsed file, file:line:col. */
export function placeIn(source: YamlSource, path: DataPath): string {
  const { file, line, col } = source.problemAt(path, "");
  return `${file}:${line}:${col}`;
}
