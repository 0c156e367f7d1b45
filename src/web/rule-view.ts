// The rule files laid open for analysts: the list of programs, one program in full (citations,
// versions, conditions as sentences and expressions, parameters with sources, benefit formula,
// worked examples and whether they pass), what changed between two dates, and the file itself.
import type { ProgramChanges } from "../audit/rule-changes.js";
import { describeProgram, type ConditionDescription } from "../engine/describe-program.js";
import type { ExampleOutcome } from "../engine/run-examples.js";
import type { RuleSet } from "../engine/rule-set.js";
import { TABLE_FACT_PREFIX } from "../engine/facts.js";
import type { TableName } from "../engine/code-tables.js";
import { isUnconfirmed, type BenefitFile, type LocalizedText } from "../rules/program-schema.js";
import type { SourceFile } from "../rules/yaml-source.js";
import { formatAmount } from "../money/format-money.js";
import { citeView } from "./cite-view.js";
import { message, type Lang } from "./messages.js";
import { parameterText } from "./parameter-text.js";


export function ruleListView(ruleSet: RuleSet, outcomes: readonly ExampleOutcome[], today: string, lang: Lang, filter: { kind?: string; unverified: boolean }) {
  const programs = ruleSet.programs
    .map((program) => {
      const d = describeProgram(program, today);
      const unconfirmed = program.parameters.flatMap((p) => p.values).filter((v) => isUnconfirmed(v.confidence)).length;
      const examples = outcomes.filter((o) => o.programId === program.id);
      return {
        id: program.id,
        title: program.title[lang],
        kind: program.kind,
        kindLabel: message(lang, `kind.${program.kind}`),
        citations: program.citations.map((c) => citeView(c, lang)),
        inForce: d.inForce,
        versions: program.versions.length,
        examples: examples.length,
        failing: examples.filter((o) => o.differences.length).length,
        unconfirmed,
      };
    })
    .filter((p) => (!filter.kind || p.kind === filter.kind) && (!filter.unverified || p.unconfirmed > 0));
  const kinds = [...new Set(ruleSet.programs.map((p) => p.kind))].map((kind) => ({ value: kind, label: message(lang, `kind.${kind}`), selected: kind === filter.kind }));
  const references = [...ruleSet.references].map(([name, source]) => ({ name, path: source.path }));
  return { programs, kinds, unverified: filter.unverified, references };
}

interface ConditionLine {
  readonly depth: number;
  readonly group: boolean;
  readonly text: string;
  readonly expression?: string;
  readonly cite?: { text: string; url: string };
  /** The reference tables the expression reads a column of, linked to their pages: the rows behind it. */
  readonly reads?: readonly { label: string; href: string }[];
}

/** A condition tree flattened into indented lines: "All of these", then each condition, in reading order. */
function conditionLines(node: ConditionDescription, ruleSet: RuleSet, lang: Lang, depth = 0): ConditionLine[] {
  if (node.kind === "leaf") {
    return [{ depth, group: false, text: node.label?.[lang] ?? "", expression: node.expression, cite: citeView(node.citation, lang), reads: tablesRead(node.expression ?? "", ruleSet, lang) }];
  }
  const head = { depth, group: true, text: `${node.label ? `${node.label[lang]} — ` : ""}${message(lang, node.kind)}`, cite: citeView(node.citation, lang) };
  return [head, ...(node.children ?? []).flatMap((c) => conditionLines(c, ruleSet, lang, depth + 1))];
}

/** Each reference table with the pattern of an expression reading one of its columns, made once. */
const TABLE_READS = (Object.keys(TABLE_FACT_PREFIX) as TableName[]).map((table) => ({ table, reads: new RegExp(`\\b${TABLE_FACT_PREFIX[table]}\\.\\w`) }));

function tablesRead(expression: string, ruleSet: RuleSet, lang: Lang): { label: string; href: string }[] {
  return TABLE_READS.filter(({ reads }) => reads.test(expression)).map(({ table }) => ({ label: ruleSet.tables[table].label[lang], href: `/rules/reference/${table}?lang=${lang}` }));
}

function benefitLines(benefit: BenefitFile | undefined, lang: Lang): string[] {
  if (!benefit) return [];
  switch (benefit.kind) {
    case "non-monetary":
      return [benefit.grants[lang]];
    case "range":
      return [
        `${benefit.label[lang]}: 0 … ${benefit.ceiling}`,
        ...(benefit.shares ? [`${message(lang, "result.national")}: ${benefit.shares.national}; ${message(lang, "result.local")}: ${benefit.shares.local}`] : []),
      ];
    default:
      return [
        ...(benefit.discretionary ? [message(lang, "rules.discretionary")] : []),
        ...benefit.components.map((c) => {
          const schedule = c.schedule ? ` × [${c.schedule.map((s) => `${s.years} × ${s.percent}%`).join(", ")}]` : "";
          const when = c.when ? ` (${c.when})` : "";
          const cap = c.cap ? ` ≤ ${c.cap}` : "";
          return `${c.label[lang]}: ${c.amount}${schedule}${cap}${when}`;
        }),
      ];
  }
}

export function ruleView(ruleSet: RuleSet, id: string, outcomes: readonly ExampleOutcome[], today: string, lang: Lang) {
  const program = ruleSet.byId.get(id);
  const source = ruleSet.sources.get(id);
  if (!program || !source) return undefined;
  const d = describeProgram(program, today);
  const text = (t: LocalizedText | undefined) => t?.[lang];
  return {
    id,
    title: program.title[lang],
    kind: message(lang, `kind.${program.kind}`),
    summary: program.summary[lang],
    assumes: program.assumes.map((a) => a[lang]),
    file: program.file,
    citations: program.citations.map((c) => citeView(c, lang)),
    inForce: d.inForce,
    versions: program.versions.map((v, i) => {
      const file = source.file.versions[i];
      const described = d.versions[i]!;
      return {
        from: v.from,
        to: v.to,
        note: text(v.note),
        contested: text(file?.contested),
        gap: text(v.gap),
        unmodelled: text(v.unmodelled),
        ended: text(v.ended),
        citations: v.cites.map((c) => citeView(c, lang)),
        conditions: described.conditions ? conditionLines(described.conditions, ruleSet, lang) : [],
        tables: (described.tables ?? []).map((t, k) => {
          // A bare figure is shown in the table's unit (75 → 75%); a parameter's name stays, its
          // values being in the parameters table below.
          const percent = v.segments[0]?.tables[k]?.output.kind === "percent";
          const shown = (source: string) => (percent && /^\d+(\.\d+)?$/.test(source) ? `${source}%` : source);
          return {
            name: t.name,
            label: t.label[lang],
            hit: message(lang, `hit.${t.hit}`),
            rows: t.rows.map((r) => ({ label: r.label[lang], when: r.when, reads: tablesRead(r.when, ruleSet, lang), then: shown(r.then), cite: citeView(r.citation, lang) })),
            otherwise: shown(t.otherwise),
          };
        }),
        benefit: benefitLines(file?.benefit, lang),
      };
    }),
    parameters: program.parameters.map((p) => ({
      name: p.name,
      label: p.label[lang],
      unit: message(lang, `unit.${p.unit}`),
      values: p.values.map((v) => ({
        from: v.from,
        value: parameterText(v.shown, lang),
        cite: citeView(v.cite, lang),
        verified: v.verified,
        confidence: message(lang, `confidence.${v.confidence}`),
        unconfirmed: isUnconfirmed(v.confidence),
        note: lang === "ko" ? (v.noteKo ?? v.note) : v.note,
      })),
    })),
    examples: outcomes
      .filter((o) => o.programId === id)
      .map((o) => ({
        name: lang === "ko" ? (o.example.name_ko ?? o.example.name) : o.example.name,
        asOf: o.example.asOf,
        expected: expectedText(o.example.expect, lang),
        passes: o.differences.length === 0,
        differences: o.differences,
      })),
  };
}

export function changesView(changes: readonly ProgramChanges[], lang: Lang) {
  return changes.map((c) => ({
    id: c.programId,
    title: c.title[lang],
    began: c.began.map((b) => ({ from: b.from, note: b.note?.[lang] })),
    replaced: c.replaced.map((b) => ({ from: b.from, note: b.note?.[lang] })),
    ended: c.ended.map((e) => ({ to: e.to, why: e.why?.[lang] })),
    parameters: c.parameters.map((p) => ({
      name: p.name,
      label: p.label[lang],
      date: p.date,
      before: p.before && { value: parameterText(p.before.value, lang), cite: citeView(p.before.cite, lang), confidence: message(lang, `confidence.${p.before.confidence}`) },
      after: { value: parameterText(p.after.value, lang), cite: citeView(p.after.cite, lang), confidence: message(lang, `confidence.${p.after.confidence}`) },
      // The same figure dated anew on another source (unverified → statute): no change in the law's
      // figure, and not shown struck through as one.
      sourceOnly: p.before !== null && p.before.value === p.after.value,
    })),
    added: c.conditionsAdded.map((a) => ({ label: a.label?.[lang], expression: a.expression })),
    removed: c.conditionsRemoved.map((r) => ({ label: r.label?.[lang], expression: r.expression })),
  }));
}

/** A program's file, by the program's id, with line numbers. */
export function sourceView(ruleSet: RuleSet, id: string) {
  const source = ruleSet.sources.get(id)?.source;
  return source && numberedLines(source);
}

/** A reference file, by its name ("sectors"), with line numbers. */
export function referenceSourceView(ruleSet: RuleSet, name: string) {
  const source = ruleSet.references.get(name);
  return source && numberedLines(source);
}

function numberedLines(source: SourceFile) {
  // The newline that ends the last line starts no line of its own: an editor shows as many as here.
  const text = source.text.endsWith("\n") ? source.text.slice(0, -1) : source.text;
  return { path: source.path, lines: text.split("\n").map((line, i) => ({ number: i + 1, text: line })) };
}

type Expectation = ExampleOutcome["example"]["expect"];

/** What an example expects, in the reader's language, money grouped as the result page shows it. */
function expectedText(expect: Expectation, lang: Lang): string {
  // A figure the example expects not to be worked out adds nothing to the totals: it reads as not
  // estimated, never as a benefit of ₩0.
  const notEstimated = expect.warnings?.includes("not-estimated");
  const figure = (kind: "rules.expectCertain" | "rules.expectUpTo", m: { krw?: string; usd?: string }) =>
    notEstimated && [m.krw, m.usd].every((a) => a === undefined || /^0(\.0+)?$/.test(a))
      ? message(lang, "rules.expectNotEstimated")
      : [message(lang, kind), m.krw !== undefined && formatAmount(m.krw, "KRW"), m.usd !== undefined && `(${formatAmount(m.usd, "USD")})`].filter(Boolean).join(" ");
  return [
    message(lang, `status.${expect.status}`),
    ...(expect.certain ? [figure("rules.expectCertain", expect.certain)] : []),
    ...(expect.upTo ? [figure("rules.expectUpTo", expect.upTo)] : []),
    ...(expect.warnings?.length ? [`${message(lang, "result.warnings")}: ${expect.warnings.map((code) => message(lang, `warning.${code}`)).join(", ")}`] : []),
  ].join("; ");
}
