import request from "supertest";
import { describe, expect, it } from "vitest";
import { formFields, profileFromQuery } from "../../src/web/form-fields.js";
import { MESSAGES, pickLang } from "../../src/web/messages.js";
import { realRules, testApp } from "../helpers/app.js";

const app = testApp();

/** A program's section of a result page. */
const section = (html: string, id: string) => html.slice(html.indexOf(`id="program-${id}"`), html.indexOf("</section>", html.indexOf(`id="program-${id}"`)));

const PROFILE: Record<string, string> = {
  asOf: "2026-11-24",
  "investment.route": "new-shares",
  "investment.amount": "30000000",
  "investment.currency": "USD",
  "investment.foreignOwnershipPct": "100",
  "business.sector": "manufacturing",
  "business.technology": "semiconductors",
  "site.region": "chungnam",
  "site.zone": "none",
  "employment.newRegularEmployees": "120",
  "employment.researchers": "0",
  "exchangeRate.krwPerUsd": "1380.55",
  "exchangeRate.date": "2026-11-20",
  "exchangeRate.source": "test rate",
};
const query = (values: Record<string, string>) => new URLSearchParams(values).toString();

describe("the profile form", () => {
  it("offers every field of the profile contract, with a label in both languages", () => {
    const fields = formFields(realRules);
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(["investment.amount", "business.sector", "costs.leaseYears", "exchangeRate.source", "asOf"]));
    for (const field of fields) {
      for (const lang of ["en", "ko"] as const) {
        expect(MESSAGES[lang], `${lang} label of ${field.path}`).toHaveProperty([`field.${field.path}`]);
        expect(MESSAGES[lang], `${lang} hint of ${field.path}`).toHaveProperty([`hint.${field.path}`]);
      }
    }
  });

  it("renders with choices from the reference tables, labels tied to inputs", async () => {
    const res = await request(app).get("/").expect(200);
    expect(res.text).toContain('<label for="f-investment-amount">Amount invested');
    expect(res.text).toContain('id="f-investment-amount" name="investment.amount"');
    expect(res.text).toContain('<option value="semiconductors">Semiconductors</option>');
    expect(res.text).toContain('<option value="seoul" selected>Seoul</option>');
  });

  it("offers the zone once for 'none': a select with a default has no empty choice, and shows the default chosen", async () => {
    const html = (await request(app).get("/?lang=en").expect(200)).text;
    const zone = html.slice(html.indexOf('name="site.zone"'), html.indexOf("</select>", html.indexOf('name="site.zone"')));
    expect(zone).not.toContain('<option value="">');
    expect(zone).toContain('<option value="none" selected>');
  });

  it("pre-fills the fields a link names and keeps the defaults of the others", async () => {
    const html = (await request(app).get("/?investment.amount=5&business.sector=").expect(200)).text;
    expect(html).toContain('id="f-investment-amount" name="investment.amount" value="5"');
    expect(html).toContain('id="f-investment-foreignOwnershipPct" name="investment.foreignOwnershipPct" value="100"');
    expect(html).toContain('<option value="seoul" selected>Seoul</option>');
    expect(html).not.toContain('<option value="manufacturing" selected>');
  });

  it("speaks Korean with ?lang=ko and from Accept-Language", async () => {
    expect((await request(app).get("/?lang=ko")).text).toContain("투자금액");
    expect((await request(app).get("/").set("accept-language", "ko-KR,ko;q=0.9,en;q=0.8")).text).toContain('<html lang="ko">');
    expect((await request(app).get("/").set("accept-language", "en;q=0.5,ko;q=0.4")).text).toContain('<html lang="en">');
  });

  it.each([
    [undefined, "ko-KR,ko;q=0.9,en;q=0.8", "ko"],
    [undefined, "en;q=0.5,ko;q=0.4", "en"],
    // Konkani is not Korean: the primary subtag is compared whole.
    [undefined, "kok,ko;q=0.2", "ko"],
    [undefined, "kok", "en"],
    [undefined, "fr-FR, de;q=0.9", "en"],
    [undefined, "ko;q=0, en;q=0.1", "en"],
    ["ko", "en", "ko"],
    ["de", "ko", "ko"],
    [undefined, undefined, "en"],
  ])("reads ?lang=%s and Accept-Language %s as %s", (query, header, lang) => {
    expect(pickLang(query, header)).toBe(lang);
  });

  it.each(["/", "/?lang=ko", `/estimate?${query(PROFILE)}`, "/rules", "/nowhere"])("tells caches that %s depends on Accept-Language", async (path) => {
    expect((await request(app).get(path)).headers.vary).toMatch(/accept-language/i);
  });

  it("sends security headers with a strict content security policy and no inline script", async () => {
    const res = await request(app).get("/");
    expect(res.headers["content-security-policy"]).toContain("script-src 'none'");
    // Served over plain HTTP on a host name, upgrade-insecure-requests sent every asset to https.
    expect(res.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.text).not.toMatch(/<script/i);
  });
});

describe("the result page", () => {
  /** The text of a program's section. */

  it("shows a benefit it cannot work out as not estimated, not as ₩0, and says the totals leave it out", async () => {
    const html = (await request(app).get(`/estimate?${query(PROFILE)}`).expect(200)).text;
    const land = section(html, "state-land-rent-reduction");
    expect(land).toContain("Not estimated: the figures need the inputs named below");
    expect(land).not.toMatch(/class="money total">₩0/);
    expect(land).toContain("not estimated: give Value of state land to lease, Lease term (years)");
    // A discretionary figure left out makes the total up to a lower bound, not the certain one.
    expect(html).toMatch(/Up to, with discretionary grants at their ceilings<\/dt><dd class="money">at least ₩/);
    expect(html).toMatch(/Certain value<\/dt><dd class="money">₩/);
    expect(html).toMatch(/Left out of the total up to, for want of inputs: (<a href="#program-[a-z-]+">[^<]+<\/a>; )*<a href="#program-state-land-rent-reduction">Rent reduction on leased state land<\/a>/);
  });

  it.each([
    ["en", "Semiconductors: yes", "Recognition as foreign investment: Eligible", "New shares", "Manufacturing"],
    ["ko", "반도체: 예", "외국인투자 인정: 대상", "신주 취득", "제조업"],
  ])("shows in %s what a yes-or-no criterion rests on, and codes by their labels", async (lang, row, program, route, sector) => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, lang })}`).expect(200)).text;
    const actuals = [...html.matchAll(/<span class="actual"[^>]*>(.*?)<\/span>/g)].map((m) => m[1]);
    expect(actuals).toContain(row);
    expect(actuals).toContain(`<a href="#program-foreign-investment">${program}</a>`);
    expect(actuals).toContain(route);
    expect(actuals).toContain(sector);
    expect(actuals).not.toContain("new-shares");
  });

  it("counts the programs qualified for out of those in force, and names the table's month in Korean", async () => {
    const { "exchangeRate.krwPerUsd": _rate, "exchangeRate.date": _date, "exchangeRate.source": _source, ...tableRate } = PROFILE;
    const html = (await request(app).get(`/estimate?${query({ ...tableRate, lang: "ko" })}`).expect(200)).text;
    const inForce = (html.match(/<section class="program status-(?:eligible|ineligible)"/g) ?? []).length;
    const eligible = (html.match(/<section class="program status-eligible"/g) ?? []).length;
    expect(html).toContain(`<dd>${eligible} / ${inForce}</dd>`);
    expect(inForce).toBe(realRules.programs.length - 2); // the corporate and local tax reductions have ended
    expect(html).toMatch(/FRED EXKOUS\), 2026년 6월 평균/);
  });

  it.each([
    // The table's June rate (dated 2026-06-30) is 147 days before 2026-11-24, and 15 before 2026-07-15:
    // both months the table lacks. In June the rate is June's own.
    ["2026-11-24", "(147 days before the as-of date: the latest month the rate table holds"],
    ["2026-07-15", "(15 days before the as-of date: the latest month the rate table holds"],
    ["2026-06-15", undefined],
  ])("says how old the table's rate is on %s when it is not the last month's", async (asOf, note) => {
    const { "exchangeRate.krwPerUsd": _rate, "exchangeRate.date": _date, "exchangeRate.source": _source, ...tableRate } = PROFILE;
    const html = (await request(app).get(`/estimate?${query({ ...tableRate, asOf })}`).expect(200)).text;
    if (note) expect(html).toContain(note);
    else expect(html).not.toContain("days before the as-of date");
    // A rate the profile gives is the profile's: its date draws warnings of its own, not this note.
    expect((await request(app).get(`/estimate?${query({ ...PROFILE, asOf })}`).expect(200)).text).not.toContain("the latest month the rate table holds");
  });

  it("says in Korean how old the table's rate is, against the as-of date", async () => {
    const { "exchangeRate.krwPerUsd": _rate, "exchangeRate.date": _date, "exchangeRate.source": _source, ...tableRate } = PROFILE;
    const html = (await request(app).get(`/estimate?${query({ ...tableRate, lang: "ko" })}`).expect(200)).text;
    expect(html).toContain("(147일 전 자료(기준일 대비) — 환율표에 있는 가장 최근 달의 평균입니다.");
    // The table's source by its Korean name, its month in Korean.
    expect(html).toContain("미국 연방준비제도 H.10 (FRED EXKOUS), 2026년 6월 평균");
    expect(html).not.toContain("Federal Reserve H.10");
  });

  it("words warnings for a reader: parameters and parts by their labels, figures grouped", async () => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, asOf: "2018-06-01", "site.zone": "fiz-complex", "business.sector": "wholesale-retail" })}`).expect(200)).text;
    const land = section(html, "state-land-rent-reduction");
    expect(land).toContain("uses FDI a high-tech business needed for the 100% tier &#x3D; USD 1,000,000.00, an unverified figure not confirmed in the statute");
    expect(land).toContain("Reduction of the minimum yearly rent not estimated: give Value of state land to lease, Lease term (years)");
    // The warnings name the parameter by its label; only the rows' expressions, laid open for an auditor, give its id.
    const warnings = land.slice(land.indexOf('<div class="warnings"'));
    expect(warnings.slice(0, warnings.indexOf("</div>"))).toContain("a high-tech business needed for the 100% tier");
    expect(warnings.slice(0, warnings.indexOf("</div>"))).not.toContain("hightech_min_usd");
  });

  it("gives a benefit worked out in part as at least its known parts", async () => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, asOf: "2018-06-01", "costs.capitalGoodsImports": "8000000", "costs.customsDutyRatePct": "8" })}`).expect(200)).text;
    expect(section(html, "capital-goods-tax-exemption")).toMatch(/class="money total">at least ₩[\d,]+ <span class="usd">\(\$[\d,.]+\)<\/span> — parts not estimated are left out/);
    // A figure of right worked out in part makes the certain total a lower bound too; the
    // discretionary one left out lowers only the total up to, and says so.
    expect(html).toMatch(/Certain value<\/dt><dd class="money">at least ₩/);
    expect(html).toMatch(/Left out of these totals, for want of inputs: .*Rent reduction on leased state land<\/a> \(of the total up to only\)/);
    // The exemption is in the totals with its duty: it is left out only in part, and says so.
    expect(html).toMatch(/Left out of these totals, for want of inputs: [^\n]*<a href="#program-capital-goods-tax-exemption">[^<]+<\/a> \(in part: the parts that could be worked out are counted\)/);
    expect(html).not.toMatch(/Rent reduction on leased state land<\/a> \(in part/);
  });

  it("gives the cash grant's national and local shares in dollars too, adding up to the ceiling in each currency", async () => {
    const grant = section((await request(app).get(`/estimate?${query(PROFILE)}`).expect(200)).text, "cash-grant");
    const figure = (text: string) => BigInt(text.replace(/[^\d]/g, ""));
    const ceiling = /<strong class="money">(₩[\d,]+)<\/strong> <span class="usd">\((\$[\d,.]+)\)<\/span>/.exec(grant)!;
    const shares = /National budget [\d.]+%: (₩[\d,]+) <span class="usd">\((\$[\d,.]+)\)<\/span> · Local budget [\d.]+%: (₩[\d,]+) <span class="usd">\((\$[\d,.]+)\)<\/span>/.exec(grant)!;
    expect(figure(shares[1]!) + figure(shares[3]!)).toBe(figure(ceiling[1]!));
    // In cents: the local share is the rest of the ceiling in dollars, not its won converted.
    expect(figure(shares[2]!) + figure(shares[4]!)).toBe(figure(ceiling[2]!));
  });

  it("shows plain totals when every eligible figure is known", async () => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, "costs.stateLandValue": "1000000", "costs.leaseYears": "10" })}`).expect(200)).text;
    expect(html).toMatch(/Certain value<\/dt><dd class="money">₩/);
    expect(html).not.toContain("Left out of");
  });

  it.each([
    ["en", "Assumed, not checked: the profile cannot say", "The investment builds a new or enlarged factory"],
    ["ko", "입력 내용으로 확인할 수 없는 요건 (별도 확인 필요)", "공장·사업장·연구시설을 신설하거나 증설하는 투자임."],
  ])("shows in %s what a program assumes without checking", async (lang, heading, item) => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, lang })}`).expect(200)).text;
    const grant = section(html, "cash-grant");
    expect(grant).toContain(`<h3>${heading}</h3>`);
    expect(grant).toContain(item);
    expect(section(html, "corporate-tax-reduction")).not.toContain(heading);
  });

  // A Korean lawyer's reading: no date with a thousands comma, no English unit or code, gaps in
  // people and percentage points, open-ended versions "from" their date.
  it.each([
    ["a deadline as a date", { asOf: "2021-06-01", "investment.amount": "5000000000", "investment.currency": "KRW", "business.technology": "secondary-batteries", "site.region": "chungbuk", "site.zone": "industrial-complex", "costs.propertyAcquisition": "1000000000" }, "조세감면신청 기한 &#x3D; 2022-12-31"],
    ["a technology's classification by its labels", { asOf: "2025-09-01", "business.technology": "quantum-computing" }, "기술 &#x27;양자컴퓨팅&#x27;의 분류는 미확인 근거에 따름 (「조세특례제한법」상 국가전략기술 목록에 없음"],
    ["an FIZ class by its label", { "business.technology": "" }, "제조업·정보통신 업종군"],
    ["a gap in people", { "business.technology": "", "investment.amount": "1000000", "employment.newRegularEmployees": "10" }, "명</strong> 더 필요: 제4호: 업종별 기준 상시근로자 수를 초과하는 신규고용"],
    ["a version in force from its date", {}, "2020-08-05부터"],
    ["a web page cited by its Korean title", {}, "KOTRA 외국인투자 옴부즈만: 현금지원"],
  ])("reads as Korean: %s", async (_what, values, expected) => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, lang: "ko", ...values })}`).expect(200)).text;
    expect(html).toContain(expected);
    expect(html).not.toMatch(/\d,\d{3}-\d\d-\d\d/);
  });

  it("says what the version in force changed, in the rule file's words", async () => {
    const html = (await request(app).get(`/estimate?${query(PROFILE)}`).expect(200)).text;
    expect(section(html, "state-land-rent-reduction")).toMatch(/<p class="version-note">From 2026-01-01 no new tax-reduction decision under RSTA 121-2\(1\)1 can be had/);
  });

  it.each([
    // Fifty equal years are one row and no chart: fifty equal bars tell nothing the row does not.
    ["fifty equal years", "state-land-rent-reduction", { ...PROFILE, "costs.stateLandValue": "10000000", "costs.leaseYears": "50" }, [["1–50", "100%", "₩138,055,000", "$100,000.00"]], 0],
    // 2018, USD 2 million, 30 hires: 5 years waived, 2 halved, a bar for each year.
    [
      "five full years then two halved",
      "corporate-tax-reduction",
      { ...PROFILE, asOf: "2018-06-01", "investment.amount": "2000000", "employment.newRegularEmployees": "30", "costs.annualCorporateTax": "200000" },
      [["1–5", "100%", "₩276,110,000", "$200,000.00"], ["6–7", "50%", "₩138,055,000", "$100,000.00"]],
      7,
    ],
  ])("shows a schedule's equal years as one row: %s", async (_, program, profile, rows, bars) => {
    const html = section((await request(app).get(`/estimate?${query(profile)}`).expect(200)).text, program);
    expect(html).toContain('<thead><tr><th scope="col">Year</th><th scope="col">%</th><th scope="col">KRW a year</th><th scope="col">USD a year</th></tr></thead>');
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    const cells = [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => cell[1]));
    expect(cells).toEqual(rows);
    expect(html.match(/<rect /g)?.length ?? 0).toBe(bars);
  });

  it.each([
    ["en", "Costs (for benefit figures; amounts in the investment&#x27;s currency)"],
    ["ko", "비용 (혜택 금액 산정용, 금액은 투자금액과 같은 통화로 입력)"],
  ])("says, in %s, that costs are in the investment's currency", async (lang, legend) => {
    expect((await request(app).get(`/?lang=${lang}`).expect(200)).text).toContain(`<legend>${legend}</legend>`);
  });

  it.each([
    ["en", "Yearly corporate tax on the new business is at least 138 times the investment: costs are in the investment&#x27;s currency (USD), so check it was not written in won"],
    ["ko", "새 사업의 연간 법인세에 입력한 금액이 투자금액의 138배 이상임: 비용은 투자금액과 같은 통화(미화 달러)로 입력하므로 원화 금액을 입력하지 않았는지 확인하세요"],
  ])("points out, in %s, a cost that may be in won while the investment is in dollars", async (lang, text) => {
    const profile = { ...PROFILE, lang, "investment.amount": "2000000", "costs.annualCorporateTax": "276110000" };
    const html = (await request(app).get(`/estimate?${query(profile)}`).expect(200)).text;
    const summary = html.slice(html.indexOf('<section class="summary"'), html.indexOf("</section>"));
    expect(summary).toContain(`<div class="warnings" role="note"><ul><li>${text}</li></ul></div>`);
  });

  it("speaks the last language a query names, as it reads every field", async () => {
    const html = (await request(app).get(`/estimate?${query(PROFILE)}&lang=en&lang=ko`).expect(200)).text;
    expect(html).toMatch(/<html lang="ko"/);
  });

  it("links to the answer it gave when a field came twice: the last value, as the page read it", async () => {
    const html = (await request(app).get(`/estimate?${query(PROFILE)}&investment.amount=1000`).expect(200)).text;
    const links = [...html.matchAll(/href="(\/(?:estimate|estimate\.json|profile\.json)?\?[^"]*)"/g)]
      .map((m) => m[1]!.replaceAll("&amp;", "&").replaceAll("&#x3D;", "="))
      .filter((l) => l.includes("business.sector="));
    expect(links.length).toBeGreaterThanOrEqual(4); // edit, JSON, profile, the other language
    for (const link of links) expect(new URLSearchParams(link.split("?")[1]).getAll("investment.amount"), link).toEqual(["1000"]);
    const json = await request(app).get(links.find((l) => l.startsWith("/estimate.json"))!).expect(200);
    // USD 1,000 is short of the KRW 100 million foreign investment needs.
    expect(json.body.programs.find((p: { id: string }) => p.id === "foreign-investment").status).toBe("ineligible");
  });

  it("shows the state-land rent reduction as a maximum the agency may grant less than", async () => {
    // USD 1,000,000 of land at 1380.55, 1% a year, 100% for 10 years: ₩138,055,000.
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, "costs.stateLandValue": "1000000", "costs.leaseYears": "10" })}`).expect(200)).text;
    expect(section(html, "state-land-rent-reduction")).toContain('class="money total">At the authority&#x27;s discretion, up to ₩138,055,000 <span class="usd">($100,000.00)</span>');
    expect(section(html, "state-land-rent-reduction")).toContain("the amount is at the authority&#x27;s discretion");
  });

  it("explains each program, with figures in both currencies, the rate and the receipt", async () => {
    const res = await request(app).get(`/estimate?${query(PROFILE)}`).expect(200);
    expect(res.text).toContain("Individual-type Foreign Investment Zone");
    expect(res.text).toMatch(/FDI of at least USD 30 million<\/span>\s*<span class="figures"><span class="actual" title="Your profile">\$30,000,000.00<\/span> <code>≥<\/code> <span class="threshold" title="Threshold">\$30,000,000.00<\/span>/);
    // A failed one reads as what holds instead: 120 hires are not more than manufacturing's 300.
    expect(res.text).toMatch(/<span class="actual" title="Your profile">120<\/span> <code>≤<\/code> <span class="threshold" title="Threshold">300<\/span>/);
    expect(res.text).toContain("₩1,380.55 / $1 — test rate, 2026-11-20");
    expect(res.text).toMatch(/<code>[0-9a-f]{64}<\/code>/);
    expect(res.text).toContain('href="https://www.law.go.kr/법령/외국인투자촉진법시행령/제25조"');
    expect(res.text).toContain("Article links open the text in force today on law.go.kr.");
  });

  it("says which decision-table row gave a value: state land's 75% for a USD 30 million manufacturer in a complex-type FIZ", async () => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, "investment.amount": "30000000", "site.zone": "fiz-complex", "costs.stateLandValue": "1000000", "costs.leaseYears": "10" })}`).expect(200)).text;
    expect(section(html, "state-land-rent-reduction")).toContain(
      '<li>Reduction tier: <strong>75%</strong> — from the row Manufacturing with FDI of USD 5 million, in a FIZ <span class="meta">(first matching row; when no row holds: 0%)</span>\n',
    );
  });

  it.each([
    ["en", "the exchange rate is dated 2026-11-25, after the as-of date 2026-11-24: the figures use a rate not known on that date"],
    ["ko", "환율 기준일(2026-11-25)가 기준일(2026-11-24)보다 늦음: 기준일에는 알 수 없던 환율로 산정함"],
  ])("says under the rate when the rate given is dated after the as-of date (%s)", async (lang, words) => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, asOf: "2026-11-24", "exchangeRate.date": "2026-11-25", lang })}`).expect(200)).text;
    expect(html).toMatch(/ — test rate, 2026-11-25<\/dd><\/div>\s*<\/dl>\s*<div class="warnings" role="note"><ul><li>([^<]*)<\/li><\/ul><\/div>/);
    expect(html).toContain(words);
    const onTime = (await request(app).get(`/estimate?${query({ ...PROFILE, asOf: "2026-11-24", lang })}`).expect(200)).text;
    expect(onTime).not.toContain(words);
  });

  it.each([
    ["a KRW amount of 5 won", { "investment.amount": "5", "investment.currency": "KRW" }],
    ["a KRW amount of 9 × 10^17 won", { "investment.amount": "900000000000000000", "investment.currency": "KRW" }],
    ["a USD amount of one cent", { "investment.amount": "0.01" }],
    ["9 million new employees", { "employment.newRegularEmployees": "9000000" }],
  ])("answers any valid profile, however extreme: %s", async (_what, values) => {
    // The page's sweeps range around the profile's figures: they stay within what a profile may say.
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, ...values })}`).expect(200);
    expect(res.text).toContain("Individual-type Foreign Investment Zone");
  });

  // A threshold in the other currency than the investment's is met by adding, in the investor's
  // own, the least that converts at the rate (1380.55) to enough, converted amounts being rounded
  // down as the engine's facts are: USD 72,434.90 is ₩100,000,000.195…, so ₩100,000,000, and USD
  // 72,434.89 ₩99,999,986; ₩41,416,500,000 is USD 30 million exactly, and a won less falls short.
  it.each([
    ["dollars for a dollar threshold", { "investment.amount": "25000000" }, "<strong>$5,000,000.00</strong> more: FDI of at least USD 30 million"],
    ["dollars, and won, for a won threshold", { "investment.amount": "50000" }, "<strong>$22,434.90</strong> (₩30,972,500) more: The investor puts in at least the minimum amount"],
    ["won, and dollars, for a dollar threshold", { "investment.amount": "30000000000", "investment.currency": "KRW" }, "<strong>₩11,416,500,000</strong> ($8,269,530.26) more: FDI of at least USD 30 million"],
    // USD 40 million reinvested at 60% counts as 24 million: 30 million counted needs 50 million reinvested.
    ["earnings to reinvest, of which the foreign share counts", { "investment.route": "reinvested-earnings", "investment.amount": "40000000", "investment.foreignOwnershipPct": "60" }, "<strong>$10,000,000.00</strong> more: FDI of at least USD 30 million"],
    // Manufacturing's cash-grant headcount is 300 and the law says more than: 120 hires need 181 more.
    ["people, for a headcount", { "business.technology": "" }, "<strong>181 people</strong> more: Route 4: more new regular employees than the sector&#x27;s headcount"],
  ])("says what would change the outcome, in the investor's currency: %s", async (_what, values, expected) => {
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, "business.technology": "", ...values })}`).expect(200);
    expect(res.text).toContain(expected);
  });

  it("says the changes are alternatives when there is more than one", async () => {
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, "investment.amount": "25000000", "business.technology": "" })}`).expect(200);
    expect(res.text).toContain("Any one of these alone would do:");
  });

  it("re-renders the form with the values kept, an error at each bad field and a summary, with 422", async () => {
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, "investment.amount": "lots", "investment.foreignOwnershipPct": "150" })}`).expect(422);
    expect(res.text).toContain('<div class="error-summary" role="alert"');
    expect(res.text).toContain('<a href="#f-investment-amount">Amount invested</a>: must be a number, e.g. 1,234.56');
    expect(res.text).toContain('value="lots"');
    expect(res.text).toContain('aria-describedby="f-investment-foreignOwnershipPct-hint f-investment-foreignOwnershipPct-error" aria-invalid="true"');
    expect(res.text).toContain('<p class="error" id="f-investment-foreignOwnershipPct-error">must be at most 100</p>');
  });

  it("lists the errors in the order the form shows the fields, the as-of date last", async () => {
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, lang: "ko", asOf: "2026-02-30", "investment.amount": "lots", "employment.newRegularEmployees": "-1" })}`).expect(422);
    const summary = res.text.slice(res.text.indexOf('class="error-summary"'), res.text.indexOf("</ul>", res.text.indexOf('class="error-summary"')));
    expect([...summary.matchAll(/<a href="#(f-[^"]+)">/g)].map((m) => m[1])).toEqual(["f-investment-amount", "f-employment-newRegularEmployees", "f-asOf"]);
  });

  it("gives the form's errors in Korean on the Korean form", async () => {
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, lang: "ko", "investment.amount": "0", "investment.foreignOwnershipPct": "30.12345" })}`).expect(422);
    expect(res.text).toContain('<p class="error" id="f-investment-amount-error">0보다 커야 합니다</p>');
    expect(res.text).toContain('<p class="error" id="f-investment-foreignOwnershipPct-error">소수점 아래 4자리까지 쓸 수 있습니다</p>');
    expect(res.text).toContain("<title>입력 수정 — ");
  });

  it("takes dates as typed text, so that a day the calendar lacks is named, not replaced by today", async () => {
    const form = await request(app).get("/?lang=en").expect(200);
    expect(form.text).toContain('<input type="text" id="f-asOf" name="asOf" value="');
    expect(form.text).toContain('placeholder="YYYY-MM-DD"');
    expect(form.text).not.toContain('type="date"');
  });

  it("shows a required choice an address leaves out as not chosen, not as its first choice", async () => {
    const { "investment.route": _route, ...withoutRoute } = PROFILE;
    const res = await request(app).get(`/estimate?${query({ ...withoutRoute, lang: "ko" })}`).expect(422);
    const select = res.text.slice(res.text.indexOf('<select id="f-investment-route"'), res.text.indexOf("</select>", res.text.indexOf('<select id="f-investment-route"')));
    expect(select).toContain('<option value="" selected>— 선택하세요 —</option><option value="new-shares">');
    expect(select).not.toMatch(/value="new-shares" selected/);
    expect(res.text).toContain('<p class="error" id="f-investment-route-error">필수 항목입니다</p>');
  });

  it("names a missing technology as such where a condition reads its row", async () => {
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, "business.technology": "" })}`).expect(200);
    expect(res.text).toContain("No technology named: no");
    expect(res.text).not.toContain("— none —: no");
  });

  it("shows a profile's <script> as text", async () => {
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, "exchangeRate.source": "<script>alert(1)</script>" })}`).expect(200);
    expect(res.text).not.toContain("<script>alert(1)</script>");
    expect(res.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it.each(["/rules/%zz", "/rules/%E0%A4%A/source"])("answers an address that does not decode, %s, with a 400 page", async (path) => {
    const res = await request(app).get(path).expect(400);
    expect(res.text).toContain("This address cannot be read");
  });

  it("answers an unknown page with a 404 page and never a stack trace", async () => {
    const res = await request(app).get("/nothing-here").expect(404);
    expect(res.text).toContain("There is nothing at this address.");
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("serves the stylesheet, and an icon every page names (a browser asked for /favicon.ico and met a 404)", async () => {
    const res = await request(app).get("/static/app.css").expect(200);
    expect(res.text).toContain("@media print");
    const page = await request(app).get("/?lang=en").expect(200);
    const icon = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/.exec(page.text)![1]!;
    const svg = await request(app).get(icon).expect(200);
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
  });
});

describe("what would change, for a game studio of USD 10 million in a free economic zone", () => {
  it("marks a change of the business itself as such: only a logistics facility would have the individual FIZ", async () => {
    const values = { "investment.amount": "10000000", "business.sector": "games", "business.technology": "", "site.region": "incheon", "site.zone": "free-economic-zone" };
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, ...values })}`).expect(200)).text;
    expect(section(html, "fiz-individual")).toMatch(/<li><em>A business of another kind:<\/em> Logistics terminals, distribution centres/);
  });
});

describe("a rate far from the table's", () => {
  it.each([
    ["en", "the exchange rate given, KRW 0.0001 per USD, is a quarter or more away from the rate table&#x27;s average for 2026-05, KRW 1,488.396: check it"],
    ["ko", "입력한 환율 0.0001원/달러가 환율표의 2026-05 월평균 1,488.396원/달러와 4분의 1 이상 차이남: 입력값을 확인하세요"],
  ])("is pointed out under the rate (%s)", async (lang, words) => {
    const values = { lang, asOf: "2026-05-20", "exchangeRate.krwPerUsd": "0.0001", "exchangeRate.date": "2026-05-20" };
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, ...values })}`).expect(200)).text;
    expect(html).toContain(`<div class="warnings" role="note"><ul><li>${words}</li></ul></div>`);
  });
});

describe("the estimate to keep", () => {
  it("is the API's JSON of the page's profile, linked from the receipt, and replays as matching", async () => {
    const page = (await request(app).get(`/estimate?${query({ ...PROFILE, lang: "en" })}`).expect(200)).text;
    const link = (words: string) => new RegExp(`<a href="([^"]+)" download>${words}`).exec(page)![1]!.replaceAll("&amp;", "&").replaceAll("&#x3D;", "=");
    const href = link("Save this estimate as JSON");
    expect(href).toBe(`/estimate.json?${query({ ...PROFILE, lang: "en" })}`);
    expect(link("and its profile")).toBe(`/profile.json?${query({ ...PROFILE, lang: "en" })}`);
    const profile = JSON.parse((await request(app).get(link("and its profile")).expect(200)).text);
    expect(profile).toEqual(profileFromQuery(PROFILE, formFields(realRules)));
    const res = await request(app).get(href).expect(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe("attachment; filename=estimate-2026-11-24.json");
    expect(res.headers["x-ruleset-hash"]).toBe(realRules.hash);
    const saved = JSON.parse(res.text);
    const api = (await request(app).post("/api/v1/estimate").send(profileFromQuery(PROFILE, formFields(realRules))).expect(200)).body;
    expect(saved).toEqual(api);
    const replayed = await request(app).post("/api/v1/replay").send({ estimate: saved, profile }).expect(200);
    expect(replayed.body).toMatchObject({ matches: true, differences: [], totals: [] });
  });

  it("is a 422 problem document naming the field for a profile the contract refuses", async () => {
    const res = await request(app).get(`/estimate.json?${query({ ...PROFILE, "investment.amount": "lots" })}`).expect(422);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: "investment.amount", message: 'must be an amount written as a decimal string, e.g. "1234.56"' }]);
  });
});

describe("the form", () => {
  it.each([
    ["en", "Left blank, it counts as none (0)."],
    ["ko", "비워 두면 0명으로 봅니다."],
  ])("says a headcount left blank counts as none (%s)", async (lang, words) => {
    const html = (await request(app).get(`/?lang=${lang}`).expect(200)).text;
    expect(html.split(words).length - 1).toBe(2); // new regular employees and researchers
  });
});

describe("a reading of the law for counsel to confirm", () => {
  it.each([
    ["en", "Please note", "this version of the rules rests on a reading of the law that counsel should confirm: Decree 116-5(1) exempts goods"],
    ["ko", "유의 사항", "이 버전의 규칙은 법률 검토가 필요한 해석에 따름: 시행령 제116조의5제1항은"],
  ])("goes with the capital-goods exemption's answer from 2026, though it reads not eligible (%s)", async (lang, heading, words) => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, lang })}`).expect(200)).text;
    expect(html).toContain('class="program status-ineligible" id="program-capital-goods-tax-exemption"');
    const goods = section(html, "capital-goods-tax-exemption");
    const warnings = goods.slice(goods.indexOf('<div class="warnings"'));
    expect(warnings).toContain(`<h3>${heading}</h3>`);
    expect(warnings.replaceAll("&quot;", '"')).toContain(words);
  });

  it("is laid open on the rule page, with the version it belongs to", async () => {
    const html = (await request(app).get("/rules/capital-goods-tax-exemption?lang=en").expect(200)).text;
    const v2026 = html.slice(html.indexOf('id="v-2026-01-01"'));
    expect(v2026).toMatch(/<p class="contested"><strong>A reading for counsel to confirm \(every result of this version says so\):<\/strong> Decree 116-5\(1\) exempts/);
    expect(html.slice(0, html.indexOf('id="v-2026-01-01"'))).not.toContain('class="contested"');
  });
});

describe("the result page's scope", () => {
  it.each([["en", "Only the programs below are modelled. Not covered:"], ["ko", "아래 제도만 산정합니다. 다루지 않는 것:"]])("says what it does not cover (%s), linking the rules", async (lang, words) => {
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, lang })}`).expect(200)).text;
    expect(html).toMatch(new RegExp(`<p class="meta coverage">${words}[^<]*<a href="/rules\\?lang=${lang}">`));
  });
});

describe("decision tables on the result page", () => {
  it("name, under collect-max, only the rows that gave the value", async () => {
    // Semiconductors are a national strategic technology (50%), a new-growth-engine one and high-tech (40%).
    const html = (await request(app).get(`/estimate?${query({ ...PROFILE, "site.region": "gyeongbuk", "site.zone": "fiz-complex" })}`).expect(200)).text;
    const grant = section(html, "cash-grant");
    expect(grant).toContain("Ceiling as a share of the FDI amount: <strong>50%</strong> — from the row National strategic technology <span class=\"meta\">(largest of the matching rows;");
    // The 40% rows hold too, each with the value it gives, and say they did not give the value.
    expect(grant).toContain('<span class="label">New-growth-engine technology → 40% (holds, but not the row that gave the value)</span>');
  });

  /** State land's table on a result page: each row (a labelled condition) with whether it holds. */
  const landRows = (html: string) => {
    const land = section(html, "state-land-rent-reduction");
    const tables = land.slice(land.indexOf('class="tables"'));
    // A row is labelled by its rule file; the groups inside it ("Any one of these") are not rows.
    const rows = [...tables.matchAll(/<li class="condition (passed|failed)">\s*<span class="mark"[^>]*>.<\/span>\s*<span class="visually-hidden">[^<]*<\/span>\s*<span class="label">([^<]*)<\/span>/g)];
    return { tables, rows: rows.map((r) => [r[1], r[2]!.replace(/ → \d+% — All of these$/, "")]).filter(([, label]) => !/^(All|Any one) of these$/.test(label!)) };
  };

  it("list every row with whether it holds, so that a reader can check which gave the value", async () => {
    // USD 3 million in an industrial complex with 10 hires: no tier of state land's reduction applies.
    const values = { "investment.amount": "3000000", "site.zone": "industrial-complex", "employment.newRegularEmployees": "10" };
    const outside = landRows((await request(app).get(`/estimate?${query({ ...PROFILE, ...values })}`).expect(200)).text);
    expect(outside.rows).toContainEqual(["failed", "Manufacturing with FDI of USD 5 million, in a FIZ"]);
    expect(outside.rows.length).toBeGreaterThanOrEqual(5);
    // In a complex-type FIZ the same manufacturer's row holds, and the others' do not.
    const inZone = landRows((await request(app).get(`/estimate?${query({ ...PROFILE, ...values, "investment.amount": "30000000", "site.zone": "fiz-complex" })}`).expect(200)).text);
    expect(inZone.rows.filter(([passed]) => passed === "passed").map(([, label]) => label)).toEqual(["Manufacturing with FDI of USD 5 million, in a FIZ"]);
  });

  it("show each part of a row with the profile's value beside its threshold, as conditions are", async () => {
    const values = { "investment.amount": "3000000", "site.zone": "industrial-complex", "employment.newRegularEmployees": "10" };
    const { tables } = landRows((await request(app).get(`/estimate?${query({ ...PROFILE, ...values })}`).expect(200)).text);
    const figures = (actual: string, op: string, threshold: string) =>
      `<span class="figures"><span class="actual" title="Your profile">${actual}</span> <code>${op}</code> <span class="threshold" title="Threshold">${threshold}</span></span>`;
    expect(tables).toContain(figures("$3,000,000.00", "≥", "$2,500,000.00"));
    expect(tables).toContain(figures("$3,000,000.00", "&lt;", "$5,000,000.00"));
    expect(tables).toContain(figures("10", "&lt;", "200"));
    expect(tables).toContain(figures("National or general industrial complex", "∉", "Complex-type Foreign Investment Zone, Service-type Foreign Investment Zone"));
  });
});

describe("reinvested earnings on the result page", () => {
  it("show the amount counted as foreign investment, and how it comes from the amount entered", async () => {
    const values = { "investment.route": "reinvested-earnings", "investment.amount": "20000000000", "investment.currency": "KRW", "investment.foreignOwnershipPct": "60" };
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, ...values })}`).expect(200);
    expect(res.text).toContain("<dt>Counted as foreign investment</dt><dd class=\"money\">₩12,000,000,000 &#x3D; ₩20,000,000,000 × 60%");
    // A share that does not come out in whole won is rounded, half-even: ₩100,000,001 × 33.3333% is ₩33,333,300.0333….
    const rounded = await request(app).get(`/estimate?${query({ ...PROFILE, ...values, "investment.amount": "100000001", "investment.foreignOwnershipPct": "33.3333" })}`).expect(200);
    expect(rounded.text).toContain("₩33,333,300 ≈ ₩100,000,001 × 33.3333%");
    const shares = await request(app).get(`/estimate?${query(PROFILE)}`).expect(200);
    expect(shares.text).not.toContain("Counted as foreign investment");
  });
});

describe("figures typed with thousands separators", () => {
  it.each([
    ["an amount", { "investment.amount": "30,000,000" }, "investment.amount", "30000000"],
    ["an amount with cents", { "investment.amount": "30,000,000.50" }, "investment.amount", "30000000.50"],
    ["a headcount", { "employment.newRegularEmployees": "1,200" }, "employment.newRegularEmployees", 1200],
  ])("read %s as the figure without them, as a person types it", (_what, values, path, figure) => {
    const profile = profileFromQuery({ ...PROFILE, ...values }, formFields(realRules));
    const [group, key] = path.split(".") as [string, string];
    expect((profile[group] as Record<string, unknown>)[key]).toEqual(figure);
  });

  it.each([["1,00,000"], ["30.000.000"], ["1,2345"], [",300"], ["0,500"]])("leave %s as typed, for the contract to refuse: it is no grouping in threes", async (amount) => {
    const res = await request(app).get(`/estimate?${query({ ...PROFILE, "investment.amount": amount })}`).expect(422);
    expect(res.text).toContain(`value="${amount}"`);
    // A misplaced comma is told how the form takes commas, not that it takes none.
    if (amount.includes(",")) expect(res.text).toContain("put commas only between groups of three digits, or none, and a point before decimals, e.g. 1,234.56 or 1234.56");
  });

  it("give the same result page as the figure without them", async () => {
    const plain = await request(app).get(`/estimate?${query(PROFILE)}`).expect(200);
    const grouped = await request(app).get(`/estimate?${query({ ...PROFILE, "investment.amount": "30,000,000" })}`).expect(200);
    expect(grouped.text.replaceAll("30%2C000%2C000", "30000000")).toBe(plain.text);
  });
});

describe("the result page's sweeps", () => {
  it("say where a program's outcome would flip with a different amount or headcount", async () => {
    const res = await request(app).get(`/estimate?${new URLSearchParams({ ...PROFILE, "investment.amount": "20000000", "business.technology": "" })}`).expect(200);
    // A tenth to three times USD 20 million in 120 steps: the individual FIZ opens at USD 30 million,
    // which the page names exactly, not the grid's points on either side.
    // The reader's own figure goes beside the boundary: which side they are on.
    expect(res.text).toContain("Amount invested $29,999,999.99 → $30,000,000.00: Not eligible → Eligible (you entered $20,000,000)");
    // Manufacturing's cash-grant headcount is 300: more than that opens the jobs route.
    expect(res.text).toContain(`New regular employees 300 → 301: Not eligible → Eligible (you entered ${PROFILE["employment.newRegularEmployees"]})`);
  });

  it.each([
    ["en", "Foreign share of voting stock 9.9999% → 10%: Not eligible → Eligible (you entered 100%)"],
    ["ko", "외국인투자비율 9.9999% → 10%: 대상 아님 → 대상 (입력값: 100%)"],
  ])("say where it would flip with a different foreign share, and a different number of researchers (%s)", async (lang, words) => {
    // A holding of shares counts as foreign investment from 10% (with no officer sent in).
    const html = (await request(app).get(`/estimate?${new URLSearchParams({ ...PROFILE, lang })}`).expect(200)).text;
    expect(section(html, "foreign-investment")).toContain(words);
    // An R&D centre with FDI of USD 2 million: the individual FIZ's research route wants 10 researchers.
    const rd = (await request(app).get(`/estimate?${new URLSearchParams({ ...PROFILE, lang: "en", "business.sector": "research-development", "investment.amount": "2000000" })}`).expect(200)).text;
    expect(section(rd, "fiz-individual")).toMatch(/Researchers \d+ → \d+: Not eligible → Eligible/);
  });
});
