// The profile form as the template lays it out: fields grouped the way an investor thinks, each
// with its label, hint, current value and, after a failed submission, its error.
import type { ProfileIssue } from "../profile/profile-error.js";
import { fieldLabel, queryText, type FormField } from "./form-fields.js";
import { issueText } from "./issue-text.js";
import { message, type Lang } from "./messages.js";

export type FormValues = Record<string, string | undefined>;

/** What a blank form starts from. */
export function defaultValues(today: string): FormValues {
  return {
    asOf: today,
    "investment.route": "new-shares",
    "investment.currency": "USD",
    "investment.foreignOwnershipPct": "100",
    "business.sector": "manufacturing",
    "site.region": "seoul",
    "site.zone": "none",
    "employment.newRegularEmployees": "0",
    "employment.researchers": "0",
  };
}

/** The raw values of a submitted form, kept as typed so that a re-rendered form shows them. */
export function valuesFromQuery(query: Record<string, unknown>, fields: readonly FormField[]): FormValues {
  return Object.fromEntries(
    fields.map((f) => [f.path, queryText(query[f.path])]),
  );
}

/** How a date is written, in both languages: the contract's form. */
const DATE_PLACEHOLDER = "YYYY-MM-DD";

const GROUP_ORDER = ["investment", "business", "site", "employment", "costs", "exchangeRate", "asOf"];

export function formView(fields: readonly FormField[], values: FormValues, issues: readonly ProfileIssue[], lang: Lang) {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const target = fields.find((f) => f.path === issue.path) ?? fields.find((f) => f.path.startsWith(`${issue.path}.`));
    const path = target?.path ?? fields[0]!.path;
    if (!errors.has(path)) errors.set(path, issueText(issue.message, lang));
  }
  const id = (path: string) => `f-${path.replace(/\./g, "-")}`;
  const fieldView = (f: FormField) => {
    const value = values[f.path] || (f.defaultValue ?? "");
    const error = errors.get(f.path);
    return {
      id: id(f.path),
      name: f.path,
      label: fieldLabel(f.path, lang),
      hint: message(lang, `hint.${f.path}`),
      hintId: `${id(f.path)}-hint`,
      errorId: `${id(f.path)}-error`,
      required: f.required,
      isSelect: f.input === "select",
      isCheckbox: f.input === "checkbox",
      isText: f.input !== "select" && f.input !== "checkbox",
      // Dates are typed as text: a browser's date control sends nothing for a day it cannot parse
      // (2026-02-30), and the form would then be answered for today instead of saying so.
      placeholder: f.input === "date" ? DATE_PLACEHOLDER : undefined,
      inputmode: f.input === "decimal" || f.input === "number" ? "decimal" : f.input === "integer" ? "numeric" : undefined,
      value,
      checked: value !== "" && value !== "false",
      options: [
        // A select with a default has no empty choice: leaving it out means the default, shown as chosen.
        ...(f.nullable || (f.input === "select" && !f.required && f.defaultValue === undefined) ? [{ value: "", label: message(lang, "form.none"), selected: value === "" }] : []),
        // A required one left empty (an address that leaves it out) shows that nothing is chosen, not its first choice.
        ...(f.input === "select" && f.required && !f.nullable && value === "" ? [{ value: "", label: message(lang, "form.choose"), selected: true }] : []),
        ...(f.choices ?? []).map((c) => ({ value: c.value, label: c.label[lang], selected: c.value === value })),
      ],
      error,
    };
  };
  const groups = GROUP_ORDER.map((key) => ({
    key,
    heading: message(lang, `group.${key}`),
    fields: fields.filter((f) => f.group === key).map(fieldView),
  })).filter((g) => g.fields.length > 0);
  // In the order the form shows the fields, not the order the contract checked them in.
  const shown = groups.flatMap((g) => g.fields.map((f) => f.name));
  const summary = [...errors]
    .sort(([a], [b]) => shown.indexOf(a) - shown.indexOf(b))
    .map(([path, text]) => ({ id: id(path), label: fieldLabel(path, lang), message: text }));
  return { groups, errors: summary };
}
