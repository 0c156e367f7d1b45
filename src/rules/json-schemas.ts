// The JSON Schemas of the rule files, generated from the zod schemas the loader validates with.
// Rule files point at them ("# yaml-language-server: $schema=...") for completion in editors.
import { z } from "zod";
import { Program } from "./program-schema.js";
import { ExchangeRates, Laws, ReferenceTable } from "./reference-schema.js";

export const SCHEMA_FILES: Record<string, z.ZodType> = {
  "program.schema.json": Program,
  "reference-table.schema.json": ReferenceTable,
  "laws.schema.json": Laws,
  "exchange-rates.schema.json": ExchangeRates,
};

export function jsonSchemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2)}\n`;
}
