import { readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/load-rules.js";
import { createApp } from "../../src/web/app.js";
import { realRules, testApp, views } from "../helpers/app.js";
import { ENGINE } from "../helpers/rule-files.js";

const app = testApp();

describe("the rule pages", () => {
  it("list every program with its basis, versions, examples and unconfirmed figures", async () => {
    const res = await request(app).get("/rules").expect(200);
    for (const id of ["foreign-investment", "cash-grant", "corporate-tax-reduction", "seoul-employment-subsidy"]) expect(res.text).toContain(`id="rule-${id}"`);
    expect(res.text).toMatch(/id="rule-corporate-tax-reduction"[\s\S]*?not in force/);
  });

  it.each([
    ["?kind=grant", ["cash-grant"], ["fiz-individual"]],
    ["?unverified=1", ["cash-grant", "foreign-investment"], []],
  ])("filter with %s", async (query, shown, hidden) => {
    const res = await request(app).get(`/rules${query}`).expect(200);
    for (const id of shown) expect(res.text).toContain(`id="rule-${id}"`);
    for (const id of hidden) expect(res.text).not.toContain(`id="rule-${id}"`);
  });

  it("lay one program open: conditions as sentences and expressions, parameters with sources, examples that pass", async () => {
    const res = await request(app).get("/rules/fiz-individual").expect(200);
    expect(res.text).toContain("FDI of at least USD 30 million <code>investment.amountUsd &gt;&#x3D; param.manufacturing_min_usd</code>");
    expect(res.text).toContain("USD 30,000,000.00"); // digits grouped, as on the result page
    expect(res.text).toContain('href="https://www.law.go.kr/법령/외국인투자촉진법시행령/제25조"');
    expect(res.text).toMatch(/A USD 30 million manufacturer qualifies for an individual FIZ<\/td><td>2026-11-24<\/td><td>Eligible<\/td><td>Passes/);
    expect(res.text).not.toContain('class="fails"');
  });

  it("show what changed between two dates as a diff", async () => {
    const res = await request(app).get("/rules/foreign-investment/changes?from=2010-01-01&to=2020-12-31").expect(200);
    expect(res.text).toContain("2010-10-06 · Minimum investment per foreign investor (share route) <code>min_amount_krw</code>: <del>KRW 50,000,000</del> → <ins>KRW 100,000,000</ins>");
    expect(res.text).toContain("<ins>+ The investment is reinvested retained earnings");
    const all = await request(app).get("/rules/changes?from=2018-01-01&to=2019-06-30").expect(200);
    expect(all.text).toContain("2018-12-31");
  });

  it.each([
    ["en", "USD 2,000,000.00, the same figure, only how well it is sourced changed (unverified → statute;"],
    ["ko", "수치는 같고 근거 확인 수준만 변경 (미확인 → 법령;"],
  ])("say a figure dated anew on another source is the same figure, not strike it through (%s)", async (lang, text) => {
    const html = (await request(app).get(`/rules/changes?from=2025-12-31&to=2026-01-02&lang=${lang}`).expect(200)).text;
    const line = html.split("\n").find((l) => l.includes("<code>high_tech_min_usd</code>"))!;
    expect(line).toContain(text);
    expect(line).not.toContain("<del>");
  });

  it.each([
    ["/rules/seoul-employment-subsidy", "200,000,000원", "KRW 200,000,000"],
    ["/rules/fiz-individual", "미화 30,000,000.00달러", "USD 30,000,000.00"],
  ])("write a figure's unit after it on the Korean page, as the statutes do (%s)", async (path, korean, english) => {
    const ko = (await request(app).get(`${path}?lang=ko`).expect(200)).text;
    expect(ko).toContain(`<td class="num">${korean}</td>`);
    expect(ko).not.toContain(english);
    expect((await request(app).get(`${path}?lang=en`).expect(200)).text).toContain(`<td class="num">${english}</td>`);
  });

  it("compare the rules in force on the first date with those of the second, and say so", async () => {
    // Capital goods' version of 2026-01-01 is in force on that day: a change after a day earlier.
    const onTheDay = (await request(app).get("/rules/changes?from=2026-01-01&to=2026-01-01").expect(200)).text;
    expect(onTheDay).toContain("A change dated on the first date is already in force on it: to see it, start a day earlier.");
    expect(onTheDay).not.toContain('id="c-capital-goods-tax-exemption"');
    const dayBefore = (await request(app).get("/rules/changes?from=2025-12-31&to=2026-01-01").expect(200)).text;
    expect(dayBefore).toContain('id="c-capital-goods-tax-exemption"');
  });

  it("say an example's figure that is not worked out is not estimated, not a benefit of ₩0", async () => {
    const html = (await request(app).get("/rules/state-land-rent-reduction?lang=en").expect(200)).text;
    expect(html).toMatch(/Without a lease term the reduction is eligible but not estimated<\/td><td>2026-11-24<\/td><td>Eligible; not estimated \(counted as nothing in the totals\);/);
    expect(html).not.toMatch(/Without a lease term[^\n]*₩0/);
  });

  it("say a version that took over from the one before is a new version, not a program that ended", async () => {
    // The capital-goods exemption and state land's reduction each have a new version from 2026-01-01.
    const html = (await request(app).get("/rules/changes?from=2025-12-31&to=2026-01-01&lang=en").expect(200)).text;
    const of = (id: string) => html.slice(html.indexOf(`id="c-${id}"`), html.indexOf("</section>", html.indexOf(`id="c-${id}"`)));
    for (const id of ["capital-goods-tax-exemption", "state-land-rent-reduction"]) {
      expect(of(id)).toMatch(/<h3>New version in force, replacing the one before<\/h3><ul><li>2026-01-01/);
      expect(of(id)).not.toContain("<h3>Ended</h3>");
      expect(of(id)).not.toContain("<h3>Began</h3>");
    }
    // A program that stops with nothing after it still ended: the local-tax reduction's last version.
    const local = (await request(app).get("/rules/local-tax-reduction/changes?from=2025-12-30&to=2026-01-02&lang=en").expect(200)).text;
    expect(local).toMatch(/<h3>Ended<\/h3><ul><li>2025-12-31/);
    // Its conditions are not listed one by one as removed: that it ended says it.
    expect(local).not.toContain("<h3>Conditions removed</h3>");
  });

  it("show the rule file with line numbers, escaped", async () => {
    const res = await request(app).get("/rules/foreign-investment/source").expect(200);
    expect(res.text).toContain('<li id="L1" value="1"><code># yaml-language-server: $schema&#x3D;../schema/program.schema.json</code></li>');
    // As many numbered lines as an editor shows: the final newline starts none.
    const lines = readFileSync(join(PROJECT_ROOT, "rules/kr/foreign-investment.yaml"), "utf8").trimEnd().split("\n").length;
    expect(res.text).toContain(`<li id="L${lines}" value="${lines}">`);
    expect(res.text).not.toContain(`<li id="L${lines + 1}"`);
  });

  it.each([
    ["en", '<code>sector.fiz_class &#x3D;&#x3D; &#x27;manufacturing-ict&#x27; or technology.new_growth_engine</code> <span class="reads">(the rows behind it: <a href="/rules/reference/sectors?lang&#x3D;en">Business sectors</a>, <a href="/rules/reference/technologies?lang&#x3D;en">Technologies</a>)</span>'],
    ["ko", '<span class="reads">(근거 표: <a href="/rules/reference/sectors?lang&#x3D;ko">업종</a>, <a href="/rules/reference/technologies?lang&#x3D;ko">기술</a>)</span>'],
  ])("link a condition that reads a reference table's column to the table's page (%s)", async (lang, link) => {
    const html = (await request(app).get(`/rules/fiz-individual?lang=${lang}`).expect(200)).text;
    expect(html).toContain(link);
    // So does a decision table's row: the grant's national share by region.
    const grant = (await request(app).get(`/rules/cash-grant?lang=${lang}`).expect(200)).text;
    expect(grant).toMatch(new RegExp(`<th scope="row">[^<]+</th><td><code>region\\.capital_region</code> <span class="reads">\\([^<]+<a href="/rules/reference/regions\\?lang&#x3D;${lang}">`));
    // A condition on the profile's own figures reads no table.
    expect(html).not.toMatch(/<code>investment\.amountUsd &gt;&#x3D; [^<]*<\/code> <span class="reads">/);
  });

  it("give the notes a reference file opens with, a paragraph a column, in the file's English", async () => {
    const html = (await request(app).get("/rules/reference/sectors?lang=ko").expect(200)).text;
    const notes = html.slice(html.indexOf('<details class="file-notes">'), html.indexOf("</details>", html.indexOf('<details class="file-notes">')));
    expect(notes).toContain("<summary>파일 작성자의 설명 (파일 첫머리 주석, 영어)</summary>");
    expect(notes).toContain('<div lang="en"><p>Business sectors a profile may name, broadly following the Korean Standard Industrial Classification.</p><p>cash_grant_jobs: the new-hire headcount of FIPA Decree annex 2');
    expect(notes).toMatch(/<p>knowledge_service and cultural_industry: [^<]*a code left out may still qualify\.<\/p>/);
    expect(notes).not.toContain("yaml-language-server");
  });

  it("names a kind no program has, with a 400, and lists every program rather than none", async () => {
    const all = (await request(app).get("/rules?lang=en").expect(200)).text;
    const html = (await request(app).get("/rules?lang=en&kind=bogus").expect(400)).text;
    // Given twice, the last counts, as for every field: a valid kind before a bad one is no excuse.
    await request(app).get("/rules?lang=en&kind=tax&kind=bogus").expect(400);
    expect((await request(app).get("/rules?lang=en&kind=bogus&kind=tax").expect(200)).text).not.toContain('class="error"');
    expect(html).toMatch(/<p class="error" role="alert">No program is of that kind: kind must be one of [a-z, -]*qualification[a-z, -]*\. All programs are shown\.<\/p>/);
    const rows = (page: string) => page.match(/<tr id="rule-/g)?.length;
    expect(rows(html)).toBe(rows(all));
    expect(rows(all)).toBeGreaterThan(5);
  });

  it("lay the reference files open too, linked from the list: the sector table's columns with their citations", async () => {
    const list = (await request(app).get("/rules?lang=en").expect(200)).text;
    for (const name of ["sectors", "technologies", "regions", "laws", "usd-krw"]) expect(list).toContain(`<a href="/rules/reference/${name}?lang=en"><code>rules/reference/${name}.yaml</code></a>`);
    const html = (await request(app).get("/rules/reference/sectors").expect(200)).text;
    expect(html).toContain("<code>rules/reference/sectors.yaml</code>");
    // The file itself, below the tables.
    expect(html.indexOf('<h2 id="file">')).toBeGreaterThan(html.lastIndexOf("</table>"));
    expect(html).toMatch(/<code>  fez_service:<\/code><\/li>[\s\S]*?<code>    cite: rsta-decree 116-2\(5\)6<\/code>/);
  });

  /** A reference table's row by its code, from its opening tag to its end. */
  const rowOf = (html: string, id: string) => {
    const start = html.indexOf(`<tr id="${id}"`);
    return start < 0 ? "" : html.slice(start, html.indexOf("</tr>", start));
  };

  it.each([
    ["sectors?lang=en", "row-manufacturing", ["Manufacturing<br><code>manufacturing</code>", '<span lang="ko">제조업</span>', "<td class=\"num\">300</td>", "<td>the manufacturing and ICT class (manufacturing-ict)</td><td>yes</td><td>no</td>", 'href="https://www.investkorea.org/ik-en/cntnts/i-375/web.do"', "<td>official</td>"]],
    ["sectors?lang=ko", "row-manufacturing", ["제조업<br><code>manufacturing</code>", '<span lang="en">Manufacturing</span>', "<td>제조업·정보통신 업종군 (manufacturing-ict)</td><td>예</td><td>아니오</td>", "인베스트코리아: 현금지원", "<td>공식 자료</td>"]],
    ["regions?lang=en", "row-incheon", ["Incheon", "<td>yes</td>", "<td>statute</td>"]],
    // A dated value: the column's absent value until the day before its date, then the value, with its source.
    ["technologies?lang=en", "row-displays", ["<td>until 2023-02-27: no<br>from 2023-02-28: yes <a class=\"cite\" href=\"https://hankyung.com/amp/2023011821801\""]],
    ["technologies?lang=ko", "row-semiconductors", ["<td>2021-06-30까지: 아니오<br>2021-07-01부터: 예</td>"]],
  ])("lay out each reference row with its label, values in words, source and confidence (%s, %s)", async (page, id, snippets) => {
    const row = rowOf((await request(app).get(`/rules/reference/${page}`).expect(200)).text, id);
    for (const snippet of snippets) expect(row, snippet).toContain(snippet);
  });

  it.each([
    ["en", "row-quantum-computing", "<td>unverified<br><strong>unverified classification</strong></td>", "not on the RSTA strategic list (statute)"],
    ["ko", "row-hydrogen", "<td>미확인<br><strong>미확인 분류</strong></td>", "요약 자료는 국가전략기술 지정일을"],
  ])("mark a reference row that rests on less than an official source as the result warns of it (%s)", async (lang, id, marker, note) => {
    const html = (await request(app).get(`/rules/reference/technologies?lang=${lang}`).expect(200)).text;
    expect(rowOf(html, id)).toMatch(/^<tr id="[^"]+" class="unconfirmed">/);
    expect(rowOf(html, id)).toContain(marker);
    expect(rowOf(html, id)).toContain(`<small lang="${lang}">${note}`);
    expect(rowOf(html, "row-semiconductors")).not.toContain("unconfirmed");
  });

  it("head each reference column with its label, name and article, linked to law.go.kr", async () => {
    const html = (await request(app).get("/rules/reference/sectors?lang=en").expect(200)).text;
    expect(html).toContain('<th scope="col" abbr="A service business RSTA Decree 116-2(5)6 lists for free economic zones">A service business RSTA Decree 116-2(5)6 lists for free economic zones<br><code>fez_service</code><br><a class="cite" href="https://www.law.go.kr/법령/조세특례제한법시행령/제116조의2" rel="external">Enforcement Decree of the Restriction of Special Taxation Act Art. 116-2(5)6</a></th>');
    // A technology the profile does not name reads the columns' absent values: said in the last row.
    const technologies = (await request(app).get("/rules/reference/technologies?lang=en").expect(200)).text;
    expect(technologies).toContain('<tr><th scope="row">None named: what a profile that names none reads</th><td>no</td><td>no</td><td>no</td><td></td><td></td></tr>');
  });

  it("list each law with its names, its official text on law.go.kr and the date of the text checked", async () => {
    const html = (await request(app).get("/rules/reference/laws?lang=en").expect(200)).text;
    expect(rowOf(html, "law-fipa-decree")).toBe(
      '<tr id="law-fipa-decree"><th scope="row"><code>fipa-decree</code></th><td lang="en">Enforcement Decree of the Foreign Investment Promotion Act</td><td lang="ko">외국인투자 촉진법 시행령</td><td><a href="https://www.law.go.kr/법령/외국인투자촉진법시행령" rel="external">https://www.law.go.kr/법령/외국인투자촉진법시행령</a></td><td>2026-03-24</td>',
    );
    expect(rowOf(html, "law-vat-act")).toContain("<td>not checked: the text was not in hand</td>");
    const ko = (await request(app).get("/rules/reference/laws?lang=ko").expect(200)).text;
    expect(rowOf(ko, "law-vat-act")).toContain("<td>대조하지 않음: 원문 미확보</td>");
  });

  it("give the rates' source, age limit and the date until which the table serves, and each month's rate under its month", async () => {
    const html = (await request(app).get("/rules/reference/usd-krw?lang=en").expect(200)).text;
    // The file gives them in English alone: marked so on either page.
    expect(html).toContain('<dd lang="en"><a href="https://fred.stlouisfed.org/series/EXKOUS" rel="external">Federal Reserve H.10 (FRED EXKOUS)</a></dd>');
    expect(html).toContain('<dd lang="en">public domain (ODC-PDDL, datasets/exchange-rates)</dd>');
    expect(html).toContain("<dd>up to 184 days after the month ends</dd>");
    expect(html).toContain(`<dt>The table serves as-of dates up to</dt><dd>${realRules.rates.usableUntil}</dd>`);
    // March 1998 is the third month: two cells come before it.
    expect(html).toMatch(/<tr><th scope="row">1998<\/th>(<td class="num">[^<]+<\/td>){2}<td class="num">1,489\.3571<\/td>/);
    expect(html).toContain('<thead><tr><th scope="col">Year</th><th scope="col">01</th>');
    const ko = (await request(app).get("/rules/reference/usd-krw?lang=ko").expect(200)).text;
    expect(ko).toContain(`<dt>기본 환율을 쓸 수 있는 마지막 기준일</dt><dd>${realRules.rates.usableUntil}</dd>`);
    expect(ko).toContain("<dd>해당 월 말일부터 184일까지</dd>");
    expect(ko).toContain('<dd lang="ko"><a href="https://fred.stlouisfed.org/series/EXKOUS" rel="external">미국 연방준비제도 H.10 (FRED EXKOUS)</a></dd>');
  });

  it.each(["sectors", "technologies", "regions", "laws", "usd-krw"])("put the %s table in a focusable region that scrolls, captioned, the file below", async (name) => {
    const html = (await request(app).get(`/rules/reference/${name}`).expect(200)).text;
    expect(html).toMatch(/<div class="scroll" tabindex="0" role="region" aria-label="[^"]+">\s*<table class="(reference|rates)">\s*<caption>[^<]+<\/caption>/);
    expect(html).not.toMatch(/<th>/);
    expect(html).toContain('<h2 id="file">The file, with line numbers: ');
  });

  it.each([
    ["/rules/nope", 404],
    ["/rules/nope/source", 404],
    ["/rules/reference/nope", 404],
    ["/rules/reference/..%2Fkr%2Fcash-grant", 404],
    ["/rules/changes?from=2020-01-01&to=2019-01-01", 400],
    ["/rules/changes?from=someday", 400],
    ["/rules/changes?from=2026-13-45&to=2026-12-31", 400],
    ["/rules/changes?from=2026-02-30&to=2026-12-31", 400],
  ])(
    "answer %s with %i",
    async (path, status) => {
      await request(app).get(path).expect(status);
    },
  );

  it.each(["/rules/changes?from=2026-1-1&to=2026-12-31", "/rules/cash-grant/changes?from=2026-1-1&to=2026-12-31"])("give the form back, dates as typed, for a bad period at %s", async (path) => {
    const html = (await request(app).get(path).expect(400)).text;
    expect(html).toContain('<input type="text" id="f-from" name="from" value="2026-1-1" placeholder="YYYY-MM-DD">');
    expect(html).toContain('<input type="text" id="f-to" name="to" value="2026-12-31" placeholder="YYYY-MM-DD">');
    expect(html).toMatch(/<p class="error" role="alert">[^<]+<\/p>/);
  });

  it.each([
    ["2020-01-01", "2019-01-01"],
    // A year of three digits is still written with four.
    ["0999-05-01", "0998-05-01"],
    ["0000-05-01", "0000-01-01"],
  ])("list the year before the end date %s given alone", async (to, from) => {
    const res = await request(app).get(`/rules/changes?to=${to}`).expect(200);
    expect(res.text).toContain(`name="from" value="${from}"`);
  });

  it("list a year of changes by default, from the 28th when today is 29 February", async () => {
    const leapDay = createApp({ ruleSet: realRules, engineVersion: ENGINE, views, today: () => "2028-02-29", logError: () => {} });
    const res = await request(leapDay).get("/rules/changes").expect(200);
    expect(res.text).toContain('name="from" value="2027-02-28"');
    expect(res.text).toContain('name="to" value="2028-02-29"');
  });

  it("speak Korean", async () => {
    expect((await request(app).get("/rules?lang=ko")).text).toContain("규칙 파일");
  });

  it.each([
    ["/rules?lang=ko", ["<td>qualification</td>", "<td>subsidy</td>", ">tax</option>"]],
    ["/rules/cash-grant?lang=ko", ["<td>statute</td>", "<td>unverified</td>", "(percent)", "(count)", "collect-max", "<td>eligible", "warnings:"]],
    ["/rules/state-land-rent-reduction/changes?lang=ko&from=2017-01-01&to=2026-11-24", ["(unverified;", "(statute;"]],
    ["/rules/reference/sectors?lang=ko", ["Confidence", "<td>official</td>", "<td>yes</td>", "Source", "Code"]],
    ["/rules/reference/technologies?lang=ko", ["unverified classification", "until 2021-06-30", "from 2021-07-01:", "None named"]],
    ["/rules/reference/laws?lang=ko", ["Laws cited", "Name in English", "not checked"]],
    ["/rules/reference/usd-krw?lang=ko", ["Licence", "The table serves", "days after the month", "Year"]],
  ])("keep English labels off %s", async (path, snippets) => {
    const html = (await request(app).get(path).expect(200)).text;
    for (const snippet of snippets) expect(html, snippet).not.toContain(snippet);
  });

  it("give a figure's note in Korean on the Korean page", async () => {
    const ko = (await request(app).get("/rules/cash-grant?lang=ko").expect(200)).text;
    const en = (await request(app).get("/rules/cash-grant").expect(200)).text;
    expect(en).toContain("the press confirms 40% as the R&amp;D ceiling just before 2020-09-09");
    expect(ko).not.toContain("the press confirms 40% as the R&amp;D ceiling");
  });

  it("name the examples in Korean on the Korean page", async () => {
    const html = (await request(app).get("/rules/fiz-individual?lang=ko").expect(200)).text;
    expect(html).toMatch(/<td>[^<]*[가-힣][^<]*<\/td>\s*<td>2026-11-24<\/td>/);
    expect(html).not.toContain("A USD 30 million manufacturer qualifies for an individual FIZ");
  });

  it.each([
    ["en", "Otherwise"],
    ["ko", "그 밖의 경우"],
  ])("give each decision-table row its value, and the value when none matches (%s)", async (lang, otherwise) => {
    const html = (await request(app).get(`/rules/state-land-rent-reduction?lang=${lang}`).expect(200)).text;
    expect(html).toMatch(/<code>site\.zone in \[&#x27;fiz-complex&#x27;, &#x27;fiz-service&#x27;\] and business\.sector &#x3D;&#x3D; &#x27;manufacturing&#x27; and investment\.amountUsd &gt;&#x3D; param\.manufacturing_min_usd<\/code><\/td><td><code>75%<\/code><\/td>/);
    expect(html).toContain(`<tr><th scope="row">${otherwise}</th><td></td><td><code>0%</code></td><td></td></tr>`);
    // Columns with headers: a screen reader says which is the condition and which the value.
    expect(html).toMatch(/<thead><tr><th scope="col">(Row|행)<\/th><th scope="col">(Holds when|요건)<\/th><th scope="col">(Value|값)<\/th>/);
  });

  it.each(["/rules", "/rules/cash-grant", "/rules/cash-grant/changes?from=2019-12-31&to=2020-08-10"])("say at %s that article links open today's text", async (path) => {
    expect((await request(app).get(path).expect(200)).text).toContain("Article links open the text in force today on law.go.kr.");
  });

  it("list what the program assumes without checking", async () => {
    const html = (await request(app).get("/rules/cash-grant").expect(200)).text;
    expect(html).toMatch(/<h2>Assumed, not checked: the profile cannot say<\/h2>\s*<ul class="assumes"><li>The investment builds a new or enlarged factory/);
  });

  it("head the parameter table by parameter, each name heading its own rows", async () => {
    const html = (await request(app).get("/rules/cash-grant").expect(200)).text;
    const table = html.slice(html.indexOf('<table class="parameters">'), html.indexOf("</table>", html.indexOf('<table class="parameters">')));
    expect(table).toContain('<th scope="col">Parameter</th>');
    expect(table).not.toMatch(/<th scope="row">\s*<\/th>/);
    expect(table).toMatch(/<th scope="rowgroup" rowspan="\d+">/);
    expect(html).toMatch(/<td>Eligible; up to ₩[\d,]+ \(\$[\d,]+\.\d\d\)/);
  });
});
