// Reference rows said to rest on an official source that cite none: a reader of the table cannot
// check them, and the results that read them carry no warning, as a press or unconfirmed row's do.
import type { TableName } from "../engine/code-tables.js";
import type { RuleSet } from "../engine/rule-set.js";
import type { ReferenceTableFile } from "../rules/reference-schema.js";
import { parseYamlSource } from "../rules/yaml-source.js";
import { placeIn } from "./rule-file-places.js";

export interface UnsourcedRow {
  /** The row's confidence in its file, file:line:col. */
  readonly at: string;
  readonly table: TableName;
  readonly code: string;
}

export function unsourcedRows(ruleSet: RuleSet): UnsourcedRow[] {
  return (Object.entries(ruleSet.referenceFiles.tables) as [TableName, ReferenceTableFile][]).flatMap(([table, file]) => {
    const unsourced = file.rows.flatMap((row, r) => {
      const cited = row.cite !== undefined || Object.values(row.values).some((cell) => Array.isArray(cell) && cell.some((entry) => entry.cite !== undefined));
      return row.confidence === "official" && !cited ? [{ row, r }] : [];
    });
    if (unsourced.length === 0) return [];
    const source = parseYamlSource(ruleSet.references.get(table)!);
    return unsourced.map(({ row, r }) => ({ at: placeIn(source, ["rows", r, "confidence"]), table, code: row.code }));
  });
}
