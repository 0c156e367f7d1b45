// Loading a rule set: every file parsed with positions, checked against its schema, its references
// resolved, its expressions compiled — and every problem reported at once. A rule set with any
// problem is never returned.
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { z } from "zod";
import { makeProfileSchema } from "../profile/schema.js";
import { ProfileError } from "../profile/profile-error.js";
import { parseProfile } from "../profile/parse-profile.js";
import { Program, type ProgramFile } from "../rules/program-schema.js";
import { ExchangeRates, Laws, ReferenceTable, type ExchangeRatesFile, type LawsFile, type ReferenceTableFile } from "../rules/reference-schema.js";
import { RuleSetError, type RuleProblem } from "../rules/rule-set-error.js";
import { validateAgainst } from "../rules/schema-problems.js";
import { parseYamlSource, type SourceFile, type YamlSource } from "../rules/yaml-source.js";
import { compileCodeTable, tableCitationProblems, type CodeTable, type TableName, type TableProblem } from "./code-tables.js";
import { compileProgram, type ProgramProblem } from "./compile-program.js";
import { dependencyOrder } from "./dependency-order.js";
import { factCatalogue, type FactDefinition } from "./facts.js";
import { mergeProfile } from "./merge-profile.js";
import type { CompiledProgram } from "./program.js";
import { compileRateTable, type RateTable } from "./rate-table.js";

export interface RuleSet {
  /** In evaluation order: every program after the programs it depends on. */
  readonly programs: readonly CompiledProgram[];
  readonly byId: ReadonlyMap<string, CompiledProgram>;
  readonly tables: Readonly<Record<TableName, CodeTable>>;
  readonly laws: LawsFile["laws"];
  readonly rates: RateTable;
  readonly facts: readonly FactDefinition[];
  readonly profileSchema: ReturnType<typeof makeProfileSchema>;
  /** The program files as validated, for examples and audit. */
  readonly sources: ReadonlyMap<string, { readonly file: ProgramFile; readonly source: SourceFile }>;
  /** The reference files (the three tables, the laws, the rates) by name ("sectors"), for the audit pages. */
  readonly references: ReadonlyMap<string, SourceFile>;
  /** The three tables' and the rates' files as validated, for the audit pages: what the compiled
   *  tables keep no copy of (each row's source, a dated value's dates, the rates' source). */
  readonly referenceFiles: { readonly tables: Readonly<Record<TableName, ReferenceTableFile>>; readonly rates: ExchangeRatesFile };
  /** sha256 of every rule file's path and text: names this exact rule set in receipts. */
  readonly hash: string;
}

const REFERENCE = "rules/reference/";
const TABLE_FILES: Record<TableName, string> = {
  sectors: `${REFERENCE}sectors.yaml`,
  technologies: `${REFERENCE}technologies.yaml`,
  regions: `${REFERENCE}regions.yaml`,
};
const LAWS_FILE = `${REFERENCE}laws.yaml`;
const RATES_FILE = `${REFERENCE}usd-krw.yaml`;
const REFERENCE_FILES: ReadonlySet<string> = new Set([LAWS_FILE, RATES_FILE, ...Object.values(TABLE_FILES)]);

export function compileRuleSet(files: readonly SourceFile[]): RuleSet {
  const problems: RuleProblem[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const sources = new Map(files.map((f) => [f.path, parseYamlSource(f)]));
  sources.forEach((s) => problems.push(...s.problems));

  const reference = <T>(path: string, schema: z.ZodType<T>): { value?: T; source?: YamlSource } => {
    const source = sources.get(path);
    if (!source) {
      problems.push({ file: path, line: 1, col: 1, message: "this reference file is missing" });
      return {};
    }
    if (source.problems.length) return { source };
    const result = validateAgainst(schema, source);
    problems.push(...result.problems);
    return { value: result.value, source };
  };

  // Any other file there would be read by nothing, yet change the rule set's hash: it is named.
  for (const path of sources.keys()) {
    if (path.startsWith(REFERENCE) && !REFERENCE_FILES.has(path)) {
      const known = [...REFERENCE_FILES].map((f) => basename(f)).join(", ");
      problems.push({ file: path, line: 1, col: 1, message: `not a reference file this rule set reads (${known}); a program goes in rules/kr/` });
    }
  }
  const laws = reference(LAWS_FILE, Laws).value?.laws;
  const ratesFile = reference(RATES_FILE, ExchangeRates).value;
  const tables = {} as Record<TableName, CodeTable>;
  const tableFiles = {} as Record<TableName, ReferenceTableFile>;
  for (const [name, path] of Object.entries(TABLE_FILES) as [TableName, string][]) {
    const { value, source } = reference(path, ReferenceTable);
    const tableProblems: TableProblem[] = [];
    if (value && value.table !== name) tableProblems.push({ path: ["table"], message: `this file holds the ${name} table` });
    if (value) tableFiles[name] = value;
    tables[name] = value
      ? compileCodeTable(value, tableProblems)
      : { name, label: { en: name, ko: name }, columns: [], rows: new Map(), absentValues: [] };
    if (value && laws) tableProblems.push(...tableCitationProblems(value, laws));
    if (source) problems.push(...tableProblems.map((p) => source.problemAt(p.path, p.message)));
  }
  if (tables.technologies.rows.size && !tables.technologies.absentValues) {
    problems.push({ file: TABLE_FILES.technologies, line: 1, col: 1, message: "every technology column needs an absent value: a profile may name no technology" });
  }

  const programFiles: { file: ProgramFile; source: YamlSource }[] = [];
  // Programs whose files failed to parse or validate, by their id (or, unreadable, their file name):
  // other files' references to them are not errors of their own.
  const brokenPrograms = new Set<string>();
  for (const [path, source] of sources) {
    if (path.startsWith(REFERENCE)) continue;
    const result = source.problems.length ? undefined : validateAgainst(Program, source);
    if (result) problems.push(...result.problems);
    if (result?.value) programFiles.push({ file: result.value, source });
    else brokenPrograms.add(idOf(source, byPath.get(path)!.text) ?? basename(path, ".yaml"));
  }
  const programIndex = new Map<string, number>();
  programFiles.forEach(({ file, source }, i) => {
    const first = programIndex.get(file.id);
    if (first !== undefined) problems.push(source.problemAt(["id"], `program id ${file.id} is already used by ${programFiles[first]!.source.file}`));
    else programIndex.set(file.id, i);
  });

  const facts = factCatalogue(tables);
  const context = { laws, facts: new Map(facts.map((f) => [f.name, f])), programIndex, brokenPrograms };
  const compiled = programFiles.map(({ file, source }) => {
    const found: ProgramProblem[] = [];
    const program = compileProgram(file, source.file, context, found);
    problems.push(...found.map((p) => source.problemAt(p.path, p.message, p.offset)));
    return program;
  });

  const ordering = dependencyOrder(compiled);
  if ("cycle" in ordering) {
    const first = programFiles[programIndex.get(ordering.cycle[0]!)!]!;
    problems.push(first.source.problemAt(["versions"], `programs depend on each other in a cycle: ${ordering.cycle.join(" → ")}`));
  }

  const profileSchema = makeProfileSchema({
    sectors: [...tables.sectors.rows.keys()],
    technologies: [...tables.technologies.rows.keys()],
    regions: [...tables.regions.rows.keys()],
  });
  for (const { file, source } of programFiles) {
    // A bad value the examples take from exampleProfile is reported there once, not at every example.
    const fromBase = new Set<string>();
    file.examples.forEach((example, i) => {
      try {
        parseProfile(mergeProfile(file.exampleProfile ?? {}, example.profile), profileSchema);
      } catch (error) {
        if (!(error instanceof ProfileError)) throw error;
        for (const issue of error.issues) {
          const path = issue.path.split(".");
          const inherited = file.exampleProfile !== undefined && !hasPath(example.profile, path) && hasPath(file.exampleProfile, path);
          const message = `${issue.path} ${issue.message}`;
          if (!inherited) problems.push(source.problemAt(["examples", i, "profile", ...path], `example profile: ${message}`));
          else if (!fromBase.has(message)) {
            fromBase.add(message);
            problems.push(source.problemAt(["exampleProfile", ...path], `exampleProfile: ${message}`));
          }
        }
      }
    });
  }

  if (problems.length || !laws || !ratesFile || "cycle" in ordering) throw new RuleSetError(sortProblems(problems));
  const programs = ordering.order.map((i) => compiled[i]!);
  return {
    programs,
    byId: new Map(programs.map((p) => [p.id, p])),
    tables,
    laws,
    rates: compileRateTable(ratesFile),
    facts,
    profileSchema,
    sources: new Map(programFiles.map(({ file, source }) => [file.id, { file, source: byPath.get(source.file)! }])),
    references: new Map(files.filter((f) => f.path.startsWith(REFERENCE)).map((f) => [f.path.slice(REFERENCE.length).replace(/\.yaml$/, ""), f])),
    referenceFiles: { tables: tableFiles, rates: ratesFile },
    hash: hashFiles(files),
  };
}

/** Whether a nested profile object holds a value at a dotted path's keys. */
function hasPath(value: unknown, path: readonly string[]): boolean {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/** A program file's id as written: from its YAML when it parsed, else from an "id:" line of its text. */
function idOf(source: YamlSource, text: string): string | undefined {
  const data = source.data as { id?: unknown } | null | undefined;
  return typeof data?.id === "string" ? data.id : /^id:\s*([a-z][a-z0-9-]*)\s*$/m.exec(text)?.[1];
}

function sortProblems(problems: readonly RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
    .filter((p) => {
      const key = `${p.file}:${p.line}:${p.col}:${p.message}`;
      return !seen.has(key) && seen.add(key);
    });
}

function hashFiles(files: readonly SourceFile[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) hash.update(`${file.path}\0${file.text}\0`);
  return hash.digest("hex");
}
