// Parses one YAML rule file keeping positions, so that any later finding about a value — a schema
// violation, an unknown parameter at column 12 of an expression — can be reported as file:line:col.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { RuleProblem } from "./rule-set-error.js";

export interface SourceFile {
  /** Path relative to the project root, as it is printed in problems: rules/kr/cash-grant.yaml */
  readonly path: string;
  readonly text: string;
}

export type DataPath = readonly (string | number)[];

export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  readonly problems: readonly RuleProblem[];
  /** A problem placed at the value found at path (or the nearest enclosing value that exists). */
  problemAt(path: DataPath, message: string, offsetInValue?: number): RuleProblem;
  /** A problem placed at a key of the map found at path. */
  problemAtKey(path: DataPath, key: string, message: string): RuleProblem;
}

export function parseYamlSource(source: SourceFile): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: true });
  const at = (offset: number, message: string): RuleProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: source.path, line, col, message };
  };
  const problems = [...doc.errors, ...doc.warnings].map((e) => at(e.pos[0], `YAML: ${e.message.split("\n")[0]}`));

  function nearestNode(path: DataPath): Node | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
      if (node?.range) return node;
    }
    return (doc as Document.Parsed).contents ?? undefined;
  }

  return {
    file: source.path,
    // Rule files are trusted input under review, so the alias-expansion guard (costly) is off.
    data: problems.length ? undefined : doc.toJS({ maxAliasCount: -1 }),
    problems,
    problemAt(path, message, offsetInValue) {
      const node = nearestNode(path);
      if (!node?.range) return at(0, message);
      let start = node.range[0];
      const inline = isScalar(node) && (node.type === "PLAIN" || node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE");
      if (offsetInValue !== undefined && inline) {
        start += (node.type === "PLAIN" ? 0 : 1) + offsetInValue;
      }
      return at(start, message);
    },
    problemAtKey(path, key, message) {
      const map = doc.getIn(path, true);
      const pair = isMap(map) ? map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) : undefined;
      const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
      return keyNode?.range ? at(keyNode.range[0], message) : this.problemAt(path, message);
    },
  };
}
