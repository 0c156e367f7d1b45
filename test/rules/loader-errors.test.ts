import { describe, expect, it } from "vitest";
import { problemsOf, ruleSetWith } from "../helpers/rule-files.js";

const PATH = "rules/kr/sample.yaml";

/** A small valid program; each test breaks one line of it. */
const VALID = `id: sample
title: { en: Sample, ko: 견본 }
kind: qualification
summary: { en: A sample program, ko: 견본 프로그램 }
citations: [fipa-decree 25(1)]
parameters:
  min_usd:
    label: { en: Minimum, ko: 최소 }
    unit: USD
    values:
      - { from: 2009-01-01, value: "30000000", cite: fipa-decree 25(1)1, verified: 2026-11-24, confidence: statute }
versions:
  - from: 2009-01-01
    conditions:
      all:
        - label: { en: Big enough, ko: 충분한 규모 }
          test: investment.amountUsd >= param.min_usd
    benefit: { kind: non-monetary, grants: { en: A status, ko: 지위 } }
examples:
  - name: A big investment qualifies
    asOf: 2026-11-24
    profile: { investment: { route: new-shares, amount: "30000000", currency: USD, foreignOwnershipPct: "100" }, business: { sector: manufacturing }, site: { region: seoul } }
    expect: { status: eligible }
`;

const file = (text: string, path = PATH) => ({ path, text });
const edit = (from: string, to: string) => {
  if (!VALID.includes(from)) throw new Error(`fixture has no ${from}`);
  return file(VALID.replace(from, to));
};

describe("loading rule files", () => {
  it("accepts the valid sample", () => {
    expect(ruleSetWith(file(VALID)).byId.get("sample")?.versions).toHaveLength(1);
  });

  it.each([
    ["a YAML syntax error", edit("kind: qualification", "kind: [qualification"), /^rules\/kr\/sample\.yaml:4:1: YAML: /],
    ["a key written twice, named", edit("kind: qualification", "kind: qualification\nkind: tax"), "rules/kr/sample.yaml:4:1: YAML: Map keys must be unique: 'kind' appears twice"],
    ["an unknown field, with a did-you-mean", edit("    conditions:", "    conditons:"), "rules/kr/sample.yaml:14:5: unknown field 'conditons'; did you mean conditions?"],
    // Offered only the fields of the place it is in: a condition cites with cite, and a program's
    // citations, one letter away, would be wrong there too.
    ["a condition's citation, not offered a program's field", edit("          test: investment", "          citation: fipa 2\n          test: investment"), "rules/kr/sample.yaml:17:11: unknown field 'citation'"],
    ["a program's field on a condition, not offered itself", edit("          test: investment", "          citations: [fipa 2]\n          test: investment"), "rules/kr/sample.yaml:17:11: unknown field 'citations'"],
    ["a parameter value's field misspelt", edit("verified: 2026-11-24, confidence", "verifed: 2026-11-24, confidence"), "rules/kr/sample.yaml:11:74: unknown field 'verifed'; did you mean verified?"],
    ["a missing required field", edit("kind: qualification\n", ""), "rules/kr/sample.yaml:1:1: missing required field 'kind'"],
    ["a blank Korean title", edit("title: { en: Sample, ko: 견본 }", 'title: { en: Sample, ko: " " }'), "rules/kr/sample.yaml:2:26: 'title.ko' must not be blank"],
    ["a value outside its enumeration", edit("kind: qualification", "kind: qualifier"), "rules/kr/sample.yaml:3:7: 'kind' must be one of qualification, tax, grant, site, subsidy"],
    ["an unknown parameter, with a did-you-mean", edit(">= param.min_usd", ">= param.min_us"), "rules/kr/sample.yaml:17:41: unknown parameter min_us; did you mean min_usd?"],
    ["an unknown fact", edit("investment.amountUsd >=", "investment.amountUSD >="), "rules/kr/sample.yaml:17:17: unknown name investment.amountUSD; did you mean investment.amountUsd?"],
    ["money compared with a percentage", edit("investment.amountUsd >=", "investment.foreignOwnershipPct >="), "rules/kr/sample.yaml:17:17: cannot compare percent with money (USD)"],
    // The amount is rounded down from its exact figure: "more than" would pass USD 30,000,000.004.
    [
      "a rounded-down amount compared as 'more than'",
      edit("investment.amountUsd >=", "investment.amountUsd >"),
      "rules/kr/sample.yaml:17:17: the left side is an amount rounded down from its exact figure: compare it with >= or <, which it meets exactly as the exact figure would",
    ],
    [
      "a rounded-down amount on the right, compared as 'at least'",
      edit("investment.amountUsd >= param.min_usd", "param.min_usd >= investment.amountUsd"),
      "rules/kr/sample.yaml:17:17: the right side is an amount rounded down from its exact figure: compare it with <= or >, which it meets exactly as the exact figure would",
    ],
    ["an expression nested too deeply, where it starts to be", edit("investment.amountUsd >= param.min_usd", `${"not ".repeat(60)}true`), "rules/kr/sample.yaml:17:217: expression nested too deeply: at most 50 levels"],
    ["a syntax error inside an expression", edit("investment.amountUsd >= param.min_usd", "investment.amountUsd >= >= param.min_usd"), "rules/kr/sample.yaml:17:41: unexpected '>='"],
    ["an unknown program in eligible()", edit("investment.amountUsd >= param.min_usd", "eligible('smaple')"), "rules/kr/sample.yaml:17:26: unknown program smaple; did you mean sample?"],
    ["an unknown law in a citation", edit("citations: [fipa-decree 25(1)]", "citations: [fipa-degree 25(1)]"), /^rules\/kr\/sample\.yaml:5:13: unknown law 'fipa-degree'/],
    ["an example that names no expected status", edit("expect: { status: eligible }", "expect: { version: 2009-01-01 }"), "rules/kr/sample.yaml:23:13: missing required field 'status'"],
    ["an example whose profile breaks the contract", edit('amount: "30000000"', "amount: 30000000"), /^rules\/kr\/sample\.yaml:22:\d+: example profile: investment.amount must be a string/],
    ["a parameter value that is not a number of its unit", edit('value: "30000000"', 'value: "thirty"'), "rules/kr/sample.yaml:11:36: min_usd: 'thirty' is not an amount of USD: write digits, with at most 2 decimals after a point"],
    ["a money parameter written as a bare number", edit('value: "30000000"', "value: 30000000"), 'rules/kr/sample.yaml:11:36: min_usd: \'30000000\' is a number: write USD amounts as quoted decimal strings, such as "30000000"'],
    ["a money parameter with a tenth of a cent", edit('value: "30000000"', 'value: "30000000.001"'), "rules/kr/sample.yaml:11:36: min_usd: '30000000.001' has more than 2 decimals, the most USD takes"],
    ["a date parameter that is no day of the calendar", edit('unit: USD\n    values:\n      - { from: 2009-01-01, value: "30000000"', 'unit: date\n    values:\n      - { from: 2009-01-01, value: "2023-02-30"'), "rules/kr/sample.yaml:11:36: min_usd: '2023-02-30' is not a date of the calendar"],
    // The type error of the condition comes too; the percentage's own is what these look for.
    ["a percentage over 100", edit('unit: USD\n    values:\n      - { from: 2009-01-01, value: "30000000"', 'unit: percent\n    values:\n      - { from: 2009-01-01, value: "150"'), "rules/kr/sample.yaml:11:36: min_usd: '150' is not a percentage from 0 to 100"],
    ["a negative percentage", edit('unit: USD\n    values:\n      - { from: 2009-01-01, value: "30000000"', 'unit: percent\n    values:\n      - { from: 2009-01-01, value: "-30"'), "rules/kr/sample.yaml:11:36: min_usd: '-30' is not a percentage from 0 to 100"],
    ["a count written in quotes", edit('unit: USD\n    values:\n      - { from: 2009-01-01, value: "30000000"', 'unit: count\n    values:\n      - { from: 2009-01-01, value: "10"'), "rules/kr/sample.yaml:11:36: min_usd: '10' is quoted: write a count as a bare number, such as 10"],
    ["a parameter with no value when the version starts", edit("from: 2009-01-01, value", "from: 2010-01-01, value"), "rules/kr/sample.yaml:17:41: parameter min_usd has no value on 2009-01-01; its first value starts 2010-01-01"],
  ])("reports %s at file:line:col", (_kind, broken, expected) => {
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(typeof expected === "string" ? expected : expect.stringMatching(expected));
  });

  it.each([
    [
      "overlapping versions",
      "  - from: 2009-01-01\n    to: 2020-12-31\n" + "    conditions: { all: [{ label: { en: A, ko: 가 }, test: 'true' }] }\n    benefit: { kind: non-monetary, grants: { en: A, ko: 가 } }\n  - from: 2020-06-01\n",
      "rules/kr/sample.yaml:17:11: overlaps the version from 2009-01-01 to 2020-12-31",
    ],
    [
      "a gap between versions that is not declared",
      "  - from: 2009-01-01\n    to: 2020-12-31\n" + "    conditions: { all: [{ label: { en: A, ko: 가 }, test: 'true' }] }\n    benefit: { kind: non-monetary, grants: { en: A, ko: 가 } }\n  - from: 2021-02-01\n",
      "rules/kr/sample.yaml:17:11: leaves 2021-01-01 to 2021-01-31 uncovered after the version ending 2020-12-31; declare a gap version if the program lapsed",
    ],
  ])("reports %s", (_kind, versions, expected) => {
    expect(problemsOf(edit("  - from: 2009-01-01\n", versions))).toContain(expected);
  });

  it("accepts a gap between versions when it is declared", () => {
    const declared =
      "  - from: 2009-01-01\n    to: 2020-12-31\n    conditions: { all: [{ label: { en: A, ko: 가 }, test: 'true' }] }\n    benefit: { kind: non-monetary, grants: { en: A, ko: 가 } }\n" +
      "  - { from: 2021-01-01, to: 2021-01-31, gap: { en: Lapsed, ko: 실효 } }\n  - from: 2021-02-01\n";
    expect(problemsOf(edit("  - from: 2009-01-01\n", declared))).toEqual([]);
  });

  it("reports a cycle of programs depending on each other's eligibility", () => {
    const a = file(VALID.replace("id: sample", "id: sample-a").replace("investment.amountUsd >= param.min_usd", "eligible('sample-b')"), "rules/kr/a.yaml");
    const b = file(VALID.replace("id: sample", "id: sample-b").replace("investment.amountUsd >= param.min_usd", "eligible('sample-a')"), "rules/kr/b.yaml");
    expect(problemsOf(a, b)).toContainEqual(expect.stringMatching(/programs depend on each other in a cycle: sample-a → sample-b → sample-a/));
  });

  // One broken file is one problem: what only follows from it (an unknown program, every citation
  // unknown once the list of laws is unreadable) would bury it.
  it.each([
    ["a program file that does not parse, used by another", [file(VALID.replace("id: sample", "id: sample-a").replace("kind: qualification", "kind: [qualification"), "rules/kr/a.yaml"), file(VALID.replace("id: sample", "id: sample-b").replace("investment.amountUsd >= param.min_usd", "eligible('sample-a')"), "rules/kr/b.yaml")], /^rules\/kr\/a\.yaml:4:1: YAML: /],
    ["a program file that breaks its schema, used by another", [file(VALID.replace("id: sample", "id: sample-a").replace("kind: qualification", "kind: qualifier"), "rules/kr/a.yaml"), file(VALID.replace("id: sample", "id: sample-b").replace("investment.amountUsd >= param.min_usd", "eligible('sample-a')"), "rules/kr/b.yaml")], /^rules\/kr\/a\.yaml:3:7: 'kind' must be one of/],
    ["a list of laws that does not parse", [file("laws: [\n", "rules/reference/laws.yaml"), file(VALID)], /^rules\/reference\/laws\.yaml:\d+:\d+: YAML: /],
  ])("reports %s once, not again where it is used", (_what, files, expected) => {
    const problems = problemsOf(...files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it("reports a bad value of exampleProfile once, where it is written, not at every example", () => {
    const withBase = VALID.replace("examples:\n", "exampleProfile: { site: { region: seoul, zone: moon } }\nexamples:\n");
    const problems = problemsOf(file(withBase));
    expect(problems).toHaveLength(1);
    const line = withBase.split("\n").findIndex((l) => l.startsWith("exampleProfile:")) + 1;
    expect(problems[0]).toMatch(new RegExp(`^rules/kr/sample\\.yaml:${line}:48: exampleProfile: site\\.zone must be one of `));
  });

  it("reports a file in rules/reference/ that no part of the rule set reads, which would still change its hash", () => {
    expect(problemsOf(file(VALID), file(VALID, "rules/reference/sample.yaml"))).toEqual([
      "rules/reference/sample.yaml:1:1: not a reference file this rule set reads (laws.yaml, usd-krw.yaml, sectors.yaml, technologies.yaml, regions.yaml); a program goes in rules/kr/",
    ]);
  });

  const rates = (months: string) =>
    file(`label: { en: Rates, ko: 환율 }\nsource: { title: Test, url: "https://example.org", licence: test }\nmaxAgeDays: 184\nrates:\n${months}`, "rules/reference/usd-krw.yaml");
  it.each([
    ["a month left out", '  "2020-03": "1200"\n  "2020-05": "1210"\n', "rules/reference/usd-krw.yaml:6:14: 'rates.2020-05' 2020-04 is missing: every month from the first to the last needs its rate"],
    ["months left out", '  "2020-03": "1200"\n  "2020-07": "1210"\n', "rules/reference/usd-krw.yaml:6:14: 'rates.2020-07' 2020-04 to 2020-06 are missing: every month from the first to the last needs its rate"],
    ["months out of order", '  "2020-04": "1200"\n  "2020-03": "1210"\n', "rules/reference/usd-krw.yaml:6:14: 'rates.2020-03' months must be in order: 2020-03 comes after 2020-04"],
    ["a rate off by a digit", '  "2020-03": "1200"\n  "2020-04": "12000"\n', "rules/reference/usd-krw.yaml:6:14: 'rates.2020-04' 12000 is more than half again or less than two thirds of 2020-03's 1200: check the digits"],
  ])("reports %s in the rate table", (_what, months, expected) => {
    expect(problemsOf(file(VALID), rates(months))).toContain(expected);
  });

  it.each([["a decimal comma", "1200,5"], ["words", "abc"], ["nothing", "0"]])("reports a rate written as %s once, as what it is, beside a good month", (_what, rate) => {
    const problems = problemsOf(file(VALID), rates(`  "2020-03": "1200"\n  "2020-04": "${rate}"\n`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\/reference\/usd-krw\.yaml:6:14: 'rates\.2020-04' a rate (is a decimal string of won per dollar|must be more than 0)/);
  });

  it("tells a date written another way only that, not also that it is no calendar date", () => {
    expect(problemsOf(edit("  - from: 2009-01-01", "  - from: 09/09/2009"))).toEqual(["rules/kr/sample.yaml:13:11: 'versions.0.from' must be a date written YYYY-MM-DD"]);
  });

  it("takes a rate table of every month in order", () => {
    expect(problemsOf(file(VALID), rates('  "2019-12": "1200"\n  "2020-01": "1210"\n  "2020-02": "1190"\n'))).toEqual([]);
  });

  it("reports two files claiming the same program id", () => {
    expect(problemsOf(file(VALID), file(VALID, "rules/kr/copy.yaml"))).toContain("rules/kr/copy.yaml:1:5: program id sample is already used by rules/kr/sample.yaml");
  });

  it("reports every problem of a file at once, in file order", () => {
    const broken = file(
      VALID.replace("citations: [fipa-decree 25(1)]", "citations: [fipa-degree 25(1)]")
        .replace('value: "30000000"', 'value: "thirty"')
        .replace(">= param.min_usd", ">= param.min_us"),
    );
    expect(problemsOf(broken)).toEqual([
      expect.stringMatching(/^rules\/kr\/sample\.yaml:5:13: unknown law 'fipa-degree'/),
      "rules/kr/sample.yaml:11:36: min_usd: 'thirty' is not an amount of USD: write digits, with at most 2 decimals after a point",
      "rules/kr/sample.yaml:17:41: unknown parameter min_us; did you mean min_usd?",
    ]);
  });
});
