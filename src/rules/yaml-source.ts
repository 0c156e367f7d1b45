// Parses one YAML rule file so that any later finding about a value — a schema violation, an
// unknown parameter at column 12 of an expression — can be reported as file:line:col.
//
// Two parsers, for two jobs. js-yaml reads the values, an order of magnitude faster, and reading the
// rule set is most of start-up. The `yaml` package keeps every node's position, and is run on a
// file only when a problem in it has to be placed (or when js-yaml refuses the file, to report the
// error as `yaml` words and places it). Both read YAML 1.2's core schema, and a test holds them to
// the same values on every rule file. Merge keys (`<<`) are left to `yaml` alone: js-yaml does not
// merge inside flow mappings ({ <<: *row, … }), so a file that has any is read by `yaml` throughout.
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
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

/** A mapping key as written at the start of a text: plain up to its colon, or quoted. */
const KEY = /^("[^"]*"|'[^']*'|[^:\s]+)/;

export function parseYamlSource(source: SourceFile): YamlSource {
  let positions: Positions | undefined;
  const positioned = () => (positions ??= positionsOf(source));
  let data: unknown;
  let refused: YAMLException | undefined;
  if (source.text.includes("<<")) data = positioned().data;
  else {
    try {
      // YAML 1.2 core: dates stay text, only true and false are booleans; duplicate keys are errors.
      data = load(source.text, { schema: CORE_SCHEMA, filename: source.path });
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      refused = error;
    }
  }
  const problems = refused || positions ? positioned().errors : [];
  if (refused && problems.length === 0) {
    // The two parsers disagree on this file: say what js-yaml found, where it found it.
    problems.push({ file: source.path, line: refused.mark.line + 1, col: refused.mark.column + 1, message: `YAML: ${refused.reason}` });
  }
  return {
    file: source.path,
    data: problems.length ? undefined : data,
    problems,
    problemAt: (path, message, offsetInValue) => positioned().problemAt(path, message, offsetInValue),
    problemAtKey: (path, key, message) => positioned().problemAtKey(path, key, message),
  };
}

interface Positions {
  /** The values, as `yaml` reads them (undefined when the file has errors). */
  readonly data: unknown;
  readonly errors: RuleProblem[];
  problemAt(path: DataPath, message: string, offsetInValue?: number): RuleProblem;
  problemAtKey(path: DataPath, key: string, message: string): RuleProblem;
}

function positionsOf(source: SourceFile): Positions {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: true });
  const at = (offset: number, message: string): RuleProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: source.path, line, col, message };
  };

  function nearestNode(path: DataPath): Node | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
      if (node?.range) return node;
    }
    return (doc as Document.Parsed).contents ?? undefined;
  }

  const problemAt = (path: DataPath, message: string, offsetInValue?: number): RuleProblem => {
    const node = nearestNode(path);
    if (!node?.range) return at(0, message);
    let start = node.range[0];
    const inline = isScalar(node) && (node.type === "PLAIN" || node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE");
    if (offsetInValue !== undefined && inline) {
      start += (node.type === "PLAIN" ? 0 : 1) + offsetInValue;
    }
    return at(start, message);
  };
  const errors = [...doc.errors, ...doc.warnings].map((e) => {
    // The place is in file:line:col already; a duplicate key is named, as "must be unique" alone is not.
    const reason = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const key = e.code === "DUPLICATE_KEY" ? `: '${KEY.exec(source.text.slice(e.pos[0]))?.[0] ?? "?"}' appears twice` : "";
    return at(e.pos[0], `YAML: ${reason}${key}`);
  });
  return {
    // Rule files are trusted input under review, so the alias-expansion guard (costly) is off.
    data: errors.length ? undefined : doc.toJS({ maxAliasCount: -1 }),
    errors,
    problemAt,
    problemAtKey(path, key, message) {
      const map = doc.getIn(path, true);
      const pair = isMap(map) ? map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) : undefined;
      const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
      return keyNode?.range ? at(keyNode.range[0], message) : problemAt(path, message);
    },
  };
}
