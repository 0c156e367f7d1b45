// Rule files are read by js-yaml for speed and by the `yaml` package for positions; both must read
// every file to the same values, and a file either refuses must be refused with a place.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { PROJECT_ROOT } from "../../src/load-rules.js";
import { parseYamlSource } from "../../src/rules/yaml-source.js";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(path) : entry.name.endsWith(".yaml") ? [path] : [];
  });
}

const files = [...yamlFiles(join(PROJECT_ROOT, "rules")), ...yamlFiles(join(PROJECT_ROOT, "test", "fixtures"))];
const source = (text: string) => parseYamlSource({ path: "rules/kr/sample.yaml", text });

describe("reading YAML", () => {
  it.each(files.map((f) => [relative(PROJECT_ROOT, f)]))("%s reads the same with both parsers", (file) => {
    const text = readFileSync(join(PROJECT_ROOT, file), "utf8");
    const positional = parseDocument(text, { uniqueKeys: true, merge: true }).toJS({ maxAliasCount: -1 });
    const read = parseYamlSource({ path: file, text });
    expect(read.problems).toEqual([]);
    expect(read.data).toEqual(positional);
  });

  it.each([
    ["dates stay text", "from: 2020-08-05\n", { from: "2020-08-05" }],
    ["merge keys in a block", "base: &b { a: 1, b: 2 }\nrow:\n  <<: *b\n  b: 3\n", { base: { a: 1, b: 2 }, row: { a: 1, b: 3 } }],
    ["merge keys in a flow mapping", "base: &b { a: 1, b: 2 }\nrow: { <<: *b, b: 3 }\n", { base: { a: 1, b: 2 }, row: { a: 1, b: 3 } }],
    ["aliases", "row: &r { a: 1 }\nrows: [*r, *r]\n", { row: { a: 1 }, rows: [{ a: 1 }, { a: 1 }] }],
    ["YAML 1.2 booleans only", "a: yes\nb: true\n", { a: "yes", b: true }],
    ["numbers and text", "a: 0.50\nb: '10'\nc: 1e3\n", { a: 0.5, b: "10", c: 1000 }],
  ])("%s", (_what, text, data) => {
    expect(source(text).data).toEqual(data);
  });

  it.each([
    ["a duplicate key", "a: 1\nb: 2\na: 3\n", 3, 1],
    ["an unclosed flow sequence", "a: 1\nkind: [qualification\n", 3, 1],
    ["a bad indentation", "a:\n  b: 1\n c: 2\n", 3, 1],
  ])("refuses %s, at its line and column", (_what, text, line, col) => {
    const read = source(text);
    expect(read.data).toBeUndefined();
    expect(read.problems[0]).toMatchObject({ file: "rules/kr/sample.yaml", line, col, message: expect.stringMatching(/^YAML: /) });
  });

  it("places a later problem at the value's position", () => {
    const read = source("id: x\nversions:\n  - from: 2020-01-01\n    test: a >= b\n");
    expect(read.problemAt(["versions", 0, "test"], "unknown name b", 5)).toMatchObject({ line: 4, col: 16 });
    expect(read.problemAtKey(["versions", 0], "test", "unknown field")).toMatchObject({ line: 4, col: 5 });
  });
});
