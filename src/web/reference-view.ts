// A reference file's content as its page lays it open, above the file itself, so that an analyst
// audits it without reading YAML: a code table row by row (each value in words, the dates a dated
// value holds, the row's source and how well it is confirmed), the laws with their official texts,
// and the rate table month by month with the date until which it serves.
import { resolveCitation } from "../engine/citation.js";
import type { CodeColumn, TableName } from "../engine/code-tables.js";
import { addDays } from "../engine/dates.js";
import type { RuleSet } from "../engine/rule-set.js";
import { showValue } from "../engine/show-value.js";
import { groupDigits } from "../money/format-money.js";
import type { CitationFile } from "../rules/program-schema.js";
import type { CellFile } from "../rules/reference-schema.js";
import { citeView } from "./cite-view.js";
import { choiceLabel, message, type Lang } from "./messages.js";

/** What every reference page shows above its tables: its title, and the notes its file opens with. */
interface ReferencePage {
  readonly title: string;
  readonly notes: readonly string[];
}

export type ReferenceContent = ReferencePage & (
  | { readonly kind: "table" } & ReturnType<typeof codeTableView>
  | { readonly kind: "laws"; readonly laws: ReturnType<typeof lawsView> }
  | { readonly kind: "rates" } & ReturnType<typeof ratesView>
);

/** The content of the reference file by its name ("sectors"), or none for a name the rule set has no file of. */
export function referenceContentView(ruleSet: RuleSet, name: string, lang: Lang): ReferenceContent | undefined {
  const file = ruleSet.references.get(name);
  if (!file) return undefined;
  const notes = fileNotes(file.text);
  if (name === "laws") return { kind: "laws", title: message(lang, "reference.laws"), notes, laws: lawsView(ruleSet, lang) };
  if (name === "usd-krw") return { kind: "rates", title: ruleSet.referenceFiles.rates.label[lang], notes, ...ratesView(ruleSet, lang) };
  if (Object.hasOwn(ruleSet.tables, name)) return { kind: "table", title: ruleSet.tables[name as TableName].label[lang], notes, ...codeTableView(ruleSet, name as TableName, lang) };
  return undefined;
}

/**
 * The comment a reference file opens with, where its author says what each column means and what
 * rests on which source ("the annex text is not in hand"): a paragraph for each column or list item
 * it names. Only in the file's words, which are English.
 */
function fileNotes(text: string): string[] {
  const notes: string[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) break;
    const words = line.replace(/^#\s?/, "");
    if (words.startsWith("yaml-language-server:")) continue;
    // A new column or list item ("fiz_class: …", "- national_strategic: …") starts a paragraph.
    if (notes.length === 0 || /^(- |[a-z_]+( and [a-z_]+)?: )/.test(words)) notes.push(words.replace(/^- /, ""));
    else notes[notes.length - 1] += ` ${words.trim()}`;
  }
  return notes;
}

/** A citation as the program pages show it: loading has refused any that does not resolve. */
function citation(cite: CitationFile | undefined, ruleSet: RuleSet, lang: Lang): { text: string; url: string } | undefined {
  const resolved = cite === undefined ? undefined : resolveCitation(cite, ruleSet.laws);
  return resolved === undefined || typeof resolved === "string" ? undefined : citeView(resolved, lang);
}

/** A cell's value in words: yes or no, a count with its digits grouped, a class by its label with its code. */
function valueText(value: unknown, column: CodeColumn, lang: Lang): string {
  if (column.type.kind !== "code") return showValue({ type: column.type, value }, lang);
  const label = choiceLabel(lang, column.type.of, String(value));
  return label === undefined ? String(value) : `${label} (${String(value)})`;
}

/** A cell as the periods its values hold: one, undated, or the column's absent value until the first
 *  date and then each dated value until the next, each with its source. */
function periodsOf(cell: CellFile | undefined, column: CodeColumn, ruleSet: RuleSet, lang: Lang) {
  if (!Array.isArray(cell)) return [{ when: "", text: valueText(cell ?? column.absent, column, lang), cite: undefined }];
  const dated = cell.map((entry, i) => {
    const next = cell[i + 1];
    const when = next
      ? `${entry.from} – ${addDays(next.from, -1)}`
      : message(lang, "reference.from", { date: entry.from });
    return { when, text: valueText(entry.value, column, lang), cite: citation(entry.cite, ruleSet, lang) };
  });
  const before = { when: message(lang, "reference.until", { date: addDays(cell[0]!.from, -1) }), text: valueText(column.absent, column, lang), cite: undefined };
  return [before, ...dated];
}

function codeTableView(ruleSet: RuleSet, name: TableName, lang: Lang) {
  const table = ruleSet.tables[name];
  const file = ruleSet.referenceFiles.tables[name];
  const other: Lang = lang === "ko" ? "en" : "ko";
  return {
    columns: table.columns.map((column) => ({ name: column.name, label: column.label[lang], cite: citation(file.columns[column.name]?.cite, ruleSet, lang) })),
    rows: file.rows.map((row) => {
      const compiled = table.rows.get(row.code)!;
      return {
        code: row.code,
        label: row.label[lang],
        otherLang: other,
        otherLabel: row.label[other],
        // Counts line up on the right, as figures do.
        cells: table.columns.map((column) => ({ periods: periodsOf(row.values[column.name], column, ruleSet, lang), numeric: column.type.kind === "count" })),
        cite: citation(row.cite, ruleSet, lang),
        confidence: message(lang, `confidence.${compiled.confidence}`),
        // The rows every result that reads them warns of: the same test as the engine's.
        unconfirmed: compiled.warning !== undefined,
        // A note written in English only is marked so, for a screen reader on the Korean page.
        note: lang === "ko" ? (row.note_ko ?? row.note) : row.note,
        noteLang: lang === "ko" && row.note_ko === undefined ? "en" : lang,
      };
    }),
    // What a profile that names no row reads (a business with no listed technology), where every column says.
    absent: table.absentValues?.map((value, i) => valueText(value, table.columns[i]!, lang)),
  };
}

function lawsView(ruleSet: RuleSet, lang: Lang) {
  return Object.entries(ruleSet.laws).map(([id, law]) => ({
    id,
    en: law.title.en,
    ko: law.title.ko,
    url: law.url,
    asOf: law.asOf ?? message(lang, "reference.notInHand"),
  }));
}

const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;

function ratesView(ruleSet: RuleSet, lang: Lang) {
  const file = ruleSet.referenceFiles.rates;
  const { first, last, usableUntil, maxAgeDays } = ruleSet.rates;
  const korean = lang === "ko" ? file.source.title_ko : undefined;
  const firstYear = Number(first.slice(0, 4));
  const years = Array.from({ length: Number(last.slice(0, 4)) - firstYear + 1 }, (_, i) => {
    const year = String(firstYear + i).padStart(4, "0");
    // A month before the first or after the last is an empty cell: the table has every month between.
    const rates = MONTHS.map((month) => file.rates[`${year}-${month}`]);
    return { year, rates: rates.map((rate) => (rate === undefined ? "" : groupDigits(rate))) };
  });
  return {
    source: file.source,
    // The source's name in the page's language when the file gives one; else as written, marked English.
    sourceTitle: korean ?? file.source.title,
    sourceLang: korean ? "ko" : "en",
    first,
    last,
    maxAge: message(lang, "reference.maxAgeDays", { days: String(maxAgeDays) }),
    usableUntil,
    months: MONTHS,
    years,
  };
}
