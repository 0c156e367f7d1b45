import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRules, PROJECT_ROOT } from "../../src/load-rules.js";
import { RuleSetError } from "../../src/rules/rule-set-error.js";

/** The real rules, copied and damaged by `damage`, loaded: the problems as file:line:col lines. */
async function problemsAfter(damage: (dir: string) => void): Promise<string[]> {
  const dir = join(mkdtempSync(join(tmpdir(), "fdi-rules-")), "rules");
  cpSync(join(PROJECT_ROOT, "rules"), dir, { recursive: true });
  damage(dir);
  try {
    await loadRules(dir);
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
    throw error;
  }
  return [];
}

const rewrite = (dir: string, path: string, change: (text: string) => string) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), "utf8")));
const RATES = "reference/usd-krw.yaml";

describe("reading the rule files", () => {
  it.each([
    ["a program file named .yml, which would be skipped unseen", (dir: string) => renameSync(join(dir, "kr/fiz-individual.yaml"), join(dir, "kr/fiz-individual.yml")),
      "rules/kr/fiz-individual.yml:1:1: not read: rule files end in .yaml (rename it, or move it out of rules/)"],
    ["a file saved in EUC-KR, whose Korean would be garbled", (dir: string) => writeFileSync(join(dir, "kr/note.yaml"), Buffer.concat([Buffer.from("id: note\ntitle: { en: Note, ko: "), Buffer.from([0xb0, 0xa1]), Buffer.from(" }\n")])),
      "rules/kr/note.yaml:2:24: not valid UTF-8: save the file as UTF-8"],
    ["a default rate of 0, which no estimate can convert at", (dir: string) => rewrite(dir, RATES, (t) => t.replace('"2010-05": "1164.8410"', '"2010-05": "0"')),
      expect.stringMatching(/^rules\/reference\/usd-krw\.yaml:\d+:\d+: .*a rate must be more than 0$/)],
    ["a negative default rate", (dir: string) => rewrite(dir, RATES, (t) => t.replace('"2010-05": "1164.8410"', '"2010-05": "-1165.69"')),
      expect.stringMatching(/^rules\/reference\/usd-krw\.yaml:\d+:\d+: .*a rate is a decimal string of won per dollar/)],
    ["a thirteenth month, which would stretch the default rates' coverage", (dir: string) => rewrite(dir, RATES, (t) => t.replace('"2026-06":', '"2026-13":')),
      expect.stringMatching(/^rules\/reference\/usd-krw\.yaml:\d+:3: '2026-13': keys are months, YYYY-MM, with MM from 01 to 12$/)],
    ["a reference table citing a law laws.yaml does not list, which its page could not link", (dir: string) => rewrite(dir, "reference/sectors.yaml", (t) => t.replace("cite: fipa-decree 20-2(4)", "cite: fipa-decre 20-2(4)")),
      expect.stringMatching(/^rules\/reference\/sectors\.yaml:25:11: unknown law 'fipa-decre'; laws are listed in rules\/reference\/laws\.yaml/)],
    ["a reference table's dated values out of order, which would give a date two values", (dir: string) => rewrite(dir, "reference/technologies.yaml", (t) => t.replace("national_strategic: [{ from: 2021-07-01, value: true }]", "national_strategic: [{ from: 2021-07-01, value: true }, { from: 2020-01-01, value: false }]")),
      expect.stringMatching(/^rules\/reference\/technologies\.yaml:\d+:\d+: dated values must be in date order: 2020-01-01 does not follow 2021-07-01$/)],
    ["an empty program file", (dir: string) => writeFileSync(join(dir, "kr/empty.yaml"), "# nothing yet\n"),
      "rules/kr/empty.yaml:1:1: the file is empty: a rule file is a mapping of fields (id, title, versions, …)"],
  ])("stops the load for %s, saying where", async (_what, damage, expected) => {
    expect(await problemsAfter(damage)).toContainEqual(expected);
  });
});
