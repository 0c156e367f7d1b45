// The reference tables a profile points into (sectors, technologies, regions), compiled so that a
// profile's row resolves to an array of values read by index — no name look-up at evaluation.
import { COUNT, BOOL, type ValueType } from "../expr/types.js";
import { isUnconfirmed, type CitationFile, type LocalizedText } from "../rules/program-schema.js";
import type { CellFile, LawsFile, ReferenceTableFile } from "../rules/reference-schema.js";
import { resolveCitation } from "./citation.js";
import type { DataPath } from "../rules/yaml-source.js";
import { forLastDate } from "./for-last-date.js";
import type { Warning } from "./warning.js";

export type TableName = ReferenceTableFile["table"];

export interface CodeColumn {
  readonly name: string;
  readonly label: LocalizedText;
  readonly type: ValueType;
  readonly absent: unknown;
}

export interface CodeRow {
  readonly code: string;
  readonly label: LocalizedText;
  readonly confidence: string;
  readonly note?: string;
  /** Owed by every result that reads the row, when its classification rests on less than a statute. */
  readonly warning?: Warning;
  /** Values by column index as of a date; the same array whenever no cell is dated. */
  valuesAt(date: string): readonly unknown[];
}

export interface CodeTable {
  readonly name: TableName;
  readonly label: LocalizedText;
  readonly columns: readonly CodeColumn[];
  readonly rows: ReadonlyMap<string, CodeRow>;
  /** The values when the profile names no row (a business with no listed technology). */
  readonly absentValues: readonly unknown[] | undefined;
}

export interface TableProblem {
  readonly path: DataPath;
  readonly message: string;
}

export function compileCodeTable(file: ReferenceTableFile, problems: TableProblem[]): CodeTable {
  const columns: CodeColumn[] = Object.entries(file.columns).map(([name, column]) => {
    const type: ValueType =
      column.type === "bool" ? BOOL : column.type === "count" ? COUNT : { kind: "code", of: `${file.table}.${name}`, values: column.values ?? [] };
    if (column.type === "code" && !column.values?.length) {
      problems.push({ path: ["columns", name], message: `column ${name} is a code column and needs its values listed` });
    }
    if (column.absent !== undefined) checkCell(column.absent, type, ["columns", name, "absent"], problems);
    return { name, label: column.label, type, absent: column.absent };
  });

  const rows = new Map<string, CodeRow>();
  file.rows.forEach((row, r) => {
    if (rows.has(row.code)) problems.push({ path: ["rows", r, "code"], message: `code ${row.code} appears twice` });
    for (const key of Object.keys(row.values)) {
      if (!columns.some((c) => c.name === key)) problems.push({ path: ["rows", r, "values", key], message: `${key} is not a column of ${file.table}` });
    }
    const cells = columns.map((column) => {
      const cell = row.values[column.name];
      const path = ["rows", r, "values", column.name];
      if (cell === undefined) {
        if (column.absent === undefined) problems.push({ path: ["rows", r, "values"], message: `row ${row.code} has no value for ${column.name}` });
        return column.absent;
      }
      if (Array.isArray(cell)) {
        cell.forEach((entry, i) => {
          checkCell(entry.value, column.type, [...path, i, "value"], problems);
          // Each value holds until the next one's date: out of order, a date would have two values.
          const before = cell[i - 1];
          if (before && entry.from <= before.from) problems.push({ path: [...path, i, "from"], message: `dated values must be in date order: ${entry.from} does not follow ${before.from}` });
        });
        if (column.absent === undefined) problems.push({ path, message: `${column.name} has dated values, so the column must state its absent value for dates before them` });
        return cell;
      }
      checkCell(cell, column.type, path, problems);
      return cell;
    });
    rows.set(row.code, compileRow(file.table, row, cells, columns));
  });

  const absentValues = columns.every((c) => c.absent !== undefined) ? columns.map((c) => c.absent) : undefined;
  return { name: file.table, label: file.label, columns, rows, absentValues };
}

function compileRow(
  table: TableName,
  row: ReferenceTableFile["rows"][number],
  cells: readonly (CellFile | unknown)[],
  columns: readonly CodeColumn[],
): CodeRow {
  const dated = cells.some(Array.isArray);
  const fixed = dated ? [] : cells;
  const confidence = row.confidence ?? "statute";
  const warning: Warning | undefined = isUnconfirmed(confidence)
    ? { code: "unverified-reference", table, row: row.code, confidence, ...(row.note ? { note: row.note } : {}), ...(row.note_ko ? { noteKo: row.note_ko } : {}) }
    : undefined;
  const base = { code: row.code, label: row.label, confidence, note: row.note, warning };
  if (!dated) return { ...base, valuesAt: () => fixed };
  return {
    ...base,
    valuesAt: forLastDate((date): readonly unknown[] =>
      cells.map((cell, i) => {
        if (!Array.isArray(cell)) return cell;
        let value = columns[i]!.absent;
        for (const entry of cell as { from: string; value: unknown }[]) if (entry.from <= date) value = entry.value;
        return value;
      }),
    ),
  };
}

function checkCell(value: unknown, type: ValueType, path: DataPath, problems: TableProblem[]): void {
  const ok =
    type.kind === "bool" ? typeof value === "boolean"
      : type.kind === "count" ? Number.isSafeInteger(value) && (value as number) >= 0
        : type.kind === "code" && typeof value === "string" && type.values.includes(value);
  if (!ok) {
    const expected = type.kind === "code" ? `one of ${type.values.join(", ")}` : type.kind === "bool" ? "true or false" : "a whole number";
    problems.push({ path, message: `must be ${expected}` });
  }
}

/** Every citation of a table's file (a column's, a row's, a dated value's) that names no law of
 *  laws.yaml or does not read as an article: the pages would show it unlinked, the reader unable to check it. */
export function tableCitationProblems(file: ReferenceTableFile, laws: LawsFile["laws"]): TableProblem[] {
  const problems: TableProblem[] = [];
  const check = (cite: CitationFile | undefined, path: DataPath) => {
    const resolved = cite === undefined ? undefined : resolveCitation(cite, laws);
    if (typeof resolved === "string") problems.push({ path, message: resolved });
  };
  for (const [name, column] of Object.entries(file.columns)) check(column.cite, ["columns", name, "cite"]);
  file.rows.forEach((row, r) => {
    check(row.cite, ["rows", r, "cite"]);
    for (const [name, cell] of Object.entries(row.values)) {
      if (Array.isArray(cell)) cell.forEach((entry, i) => check(entry.cite, ["rows", r, "values", name, i, "cite"]));
    }
  });
  return problems;
}
