// The form's fields, derived from the profile schema (the v1 contract) so that the form cannot
// offer a field the API would refuse or miss one it accepts. Choices for codes come from the rule
// set's reference tables; words come from the message catalogue.
import { z } from "zod";
import { ISO_DATE } from "../engine/dates.js";
import type { RuleSet } from "../engine/rule-set.js";
import type { LocalizedText } from "../rules/program-schema.js";
import { message, type Lang } from "./messages.js";

export type InputKind = "text" | "decimal" | "integer" | "number" | "date" | "select" | "checkbox";

export interface FormField {
  /** Dotted profile path, also the input's name: investment.amount */
  readonly path: string;
  readonly group: string;
  readonly input: InputKind;
  readonly required: boolean;
  readonly choices?: readonly { readonly value: string; readonly label: LocalizedText }[];
  /** A select whose empty choice means null (a business with no listed technology). */
  readonly nullable?: boolean;
  /** What the profile takes when the field is left out (site.zone: none): a select shows it chosen. */
  readonly defaultValue?: string;
}

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: string[];
  anyOf?: JsonSchema[];
  pattern?: string;
  default?: unknown;
};

/** The profile schema's date pattern as its JSON Schema writes it: such a field gets a date input. */
const DATE_PATTERN = ISO_DATE.source;

/** The profile field that picks each reference table's row. */
export const FIELD_OF_TABLE = { sectors: "business.sector", technologies: "business.technology", regions: "site.region" } as const;
const TABLE_OF = Object.fromEntries(Object.entries(FIELD_OF_TABLE).map(([table, field]) => [field, table])) as Record<string, keyof typeof FIELD_OF_TABLE>;

export function formFields(ruleSet: RuleSet): FormField[] {
  const root = z.toJSONSchema(ruleSet.profileSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const fields: FormField[] = [];
  const walk = (schema: JsonSchema, path: string[], required: boolean) => {
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const childPath = [...path, key];
      const isRequired = required && (schema.required ?? []).includes(key) && child.default === undefined;
      if (child.type === "object") {
        walk(child, childPath, isRequired);
        continue;
      }
      const dotted = childPath.join(".");
      const enumOf = child.enum ?? child.anyOf?.find((s) => s.enum)?.enum;
      const nullable = child.anyOf?.some((s) => s.type === "null") ?? false;
      const input: InputKind = enumOf
        ? "select"
        : child.type === "boolean" ? "checkbox"
          : child.type === "integer" ? "integer"
            : child.type === "number" ? "number"
              : child.pattern === DATE_PATTERN ? "date"
                : child.pattern?.startsWith("^(0|[1-9]") ? "decimal" : "text";
      fields.push({
        path: dotted,
        group: childPath[0]!,
        input,
        required: isRequired,
        ...(enumOf ? { choices: enumOf.map((value) => ({ value, label: formChoiceLabel(ruleSet, dotted, value) })) } : {}),
        ...(nullable ? { nullable } : {}),
        ...(typeof child.default === "string" ? { defaultValue: child.default } : {}),
      });
    }
  };
  walk(root, [], true);
  return fields;
}

/** A choice of the form in both languages: a reference row by its label, another code by the messages. */
function formChoiceLabel(ruleSet: RuleSet, path: string, value: string): LocalizedText {
  const table = TABLE_OF[path];
  const row = table ? ruleSet.tables[table].rows.get(value) : undefined;
  if (row) return row.label;
  const key = `choice.${path.split(".").pop()}.${value}`;
  return { en: message("en", key), ko: message("ko", key) };
}

/** A yes-or-no cell as a spreadsheet or a form writes it; anything else is left for the contract to refuse. */
const YES_NO = new Map([["true", true], ["1", true], ["yes", true], ["on", true], ["false", false], ["0", false], ["no", false], ["off", false]]);

/** A field's text in a query: the last value when a field comes more than once. */
export function queryText(raw: unknown): string | undefined {
  return typeof raw === "string" ? raw : Array.isArray(raw) ? String(raw[raw.length - 1] ?? "") : undefined;
}

/** Digits grouped in threes by commas, as people type and spreadsheets export them ("30,000,000.50"). */
const GROUPED = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;

/**
 * A nested profile from the form's flat query (investment.amount=…), or a CSV row; empty inputs are
 * left out. A figure grouped by commas is read without them: the JSON contract refuses them, but a
 * person typing into a form, or a spreadsheet's cell, writes them so.
 */
export function profileFromQuery(query: Record<string, unknown>, fields: readonly FormField[]): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  for (const field of fields) {
    const typed = queryText(query[field.path])?.trim();
    const figure = field.input === "decimal" || field.input === "integer" || field.input === "number";
    const text = figure && typed && GROUPED.test(typed) ? typed.replaceAll(",", "") : typed;
    let value: unknown;
    if (field.input === "checkbox") value = text === undefined || text === "" ? false : (YES_NO.get(text.toLowerCase()) ?? text);
    else if (text === undefined || text === "") value = field.nullable && text === "" ? null : undefined;
    else if ((field.input === "integer" || field.input === "number") && /^-?\d+(\.\d+)?$/.test(text)) value = Number(text);
    else value = text;
    if (value !== undefined) setPath(profile, field.path.split("."), value);
  }
  return profile;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

export function fieldLabel(path: string, lang: Lang): string {
  return message(lang, `field.${path}`);
}
