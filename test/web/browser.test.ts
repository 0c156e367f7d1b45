// A person's path through the site in a real headless Chromium: fill in the form, submit, read the
// result, reload the permalink, switch language, print to a screenshot — and axe-core finds no
// serious accessibility violation on the way. Without Chromium the tests are skipped, loudly; CI
// sets REQUIRE_BROWSER=1 so that there a missing browser fails.
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/load-rules.js";
import { testApp } from "../helpers/app.js";
import { listen } from "../helpers/server.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(executablePath);
const required = process.env.REQUIRE_BROWSER === "1";
const artifacts = join(PROJECT_ROOT, "test", "artifacts");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

if (!available && !required) {
  console.warn(
    `\n*** BROWSER TESTS SKIPPED: no Chromium at ${executablePath}. ***\n` +
      "*** Install it with: sudo apt-get install -y chromium fonts-nanum (or set CHROMIUM_PATH). ***\n",
  );
}

describe.runIf(!available && required)("the browser tests", () => {
  it("need Chromium, which CI requires (REQUIRE_BROWSER=1)", () => {
    expect.fail(`no Chromium at ${executablePath}: apt-get install -y chromium`);
  });
});

describe.runIf(available)("in a real browser", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof listen>>;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await listen(testApp());
    browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await (await browser.newContext({ bypassCSP: true, locale: "en-US" })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const seriousViolations = async () => {
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; help: string }[] }> } }).axe;
      return (await axe.run({ resultTypes: ["violations"] })).violations;
    });
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  };

  it("fills in the form as a person would and reads the explained result", async () => {
    await page.goto(`${server.url}/?lang=en`);
    expect(await seriousViolations()).toEqual([]);
    await page.getByLabel("Amount invested").fill("30000000");
    await page.getByLabel("Currency of the amounts").selectOption("USD");
    await page.getByLabel("Foreign share of voting stock (%)").fill("100");
    await page.getByLabel("Sector", { exact: true }).selectOption("manufacturing");
    await page.getByLabel(/^Technology/).selectOption("semiconductors");
    await page.getByLabel("Region", { exact: true }).selectOption("chungnam");
    await page.getByLabel(/^New regular employees/).fill("120");
    await page.getByLabel(/^As-of date/).fill("2026-11-24");
    await page.getByLabel(/^Won per US dollar/).fill("1380.55");
    await page.getByLabel(/^Rate date/).fill("2026-11-20");
    await page.getByLabel(/^Rate source/).fill("test rate");
    await page.getByRole("button", { name: "Estimate the incentives" }).click();
    await page.waitForURL(/\/estimate\?/);

    await expect.poll(() => page.locator("h1").textContent()).toBe("Incentives for this investment");
    const fiz = page.locator("#program-fiz-individual");
    await expect.poll(() => fiz.locator(".status").textContent()).toBe("Eligible");
    expect(await page.locator(".summary").textContent()).toContain("test rate, 2026-11-20");
    expect(await seriousViolations()).toEqual([]);
  });

  it("gives the same page when the permalink is reloaded", async () => {
    const before = await page.locator("main").innerHTML();
    await page.goto(page.url());
    expect(await page.locator("main").innerHTML()).toBe(before);
  });

  it("switches to Korean and keeps the profile", async () => {
    await page.getByRole("link", { name: "한국어" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("이 투자에 대한 인센티브");
    expect(await page.locator("#program-fiz-individual .status").textContent()).toBe("대상");
    expect(await seriousViolations()).toEqual([]);
  });

  it("keeps the values and points at the bad field when the form is wrong", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByLabel("Amount invested").fill("thirty million");
    await page.getByRole("button", { name: "Estimate the incentives" }).click();
    await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(true);
    expect(await page.getByLabel("Amount invested").inputValue()).toBe("thirty million");
    expect(await page.locator("#f-investment-amount-error").textContent()).toContain("must be a number, e.g. 1,234.56");
    // Focus goes to the list of errors, so that a keyboard or screen-reader user starts from it.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } | null } }).document.activeElement?.className)).toBe("error-summary");
    expect(await seriousViolations()).toEqual([]);
  });

  it("names a day the calendar lacks, typed into the as-of date, rather than answer for today", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.getByLabel("As-of date").fill("2026-02-30");
    await page.getByRole("button", { name: "Estimate the incentives" }).click();
    await expect.poll(() => page.locator(".error-summary").isVisible()).toBe(true);
    expect(await page.getByLabel("As-of date").inputValue()).toBe("2026-02-30");
    expect(await page.locator("#f-asOf-error").textContent()).toBe("is not a real calendar date");
  });

  it.each([1280, 390])("fits schedules into a %i px wide window", async (width) => {
    await page.setViewportSize({ width, height: 900 });
    // 2018: seven years of corporate tax (5 waived, 2 halved) beside a 50-year lease of state land.
    await page.goto(`${server.url}/estimate?${new URLSearchParams({
      asOf: "2018-06-01", "investment.route": "new-shares", "investment.amount": "30000000", "investment.currency": "USD",
      "investment.foreignOwnershipPct": "100", "business.sector": "manufacturing", "business.technology": "semiconductors", "site.region": "chungnam",
      "site.zone": "none", "employment.newRegularEmployees": "300", "costs.annualCorporateTax": "90000000",
      "costs.stateLandValue": "10000000", "costs.leaseYears": "50",
      "exchangeRate.krwPerUsd": "1380.55", "exchangeRate.date": "2018-06-01", "exchangeRate.source": "test",
    })}`);
    expect(await page.locator("#program-corporate-tax-reduction .chart rect").count()).toBe(7);
    // Fifty equal years: one row, no chart.
    expect(await page.locator("#program-state-land-rent-reduction .chart").count()).toBe(0);
    expect(await page.locator("#program-state-land-rent-reduction .years tbody td").first().textContent()).toBe("1–50");
    const pageWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(width);
    // Each figure of a year table on one line ("₩15,294,61 / 9" misreads): the box scrolls instead.
    const linesPerCell = await page.locator(".years :is(th, td)").evaluateAll((cells) =>
      cells.map((cell) => {
        const range = (globalThis as unknown as { document: { createRange(): { selectNodeContents(node: unknown): void; getClientRects(): { length: number } } } }).document.createRange();
        range.selectNodeContents(cell);
        return range.getClientRects().length;
      }),
    );
    expect(linesPerCell.length).toBeGreaterThanOrEqual(20);
    expect(linesPerCell.filter((lines) => lines !== 1)).toEqual([]);
    // A year table wider than the phone scrolls in a box a keyboard can reach (axe: scrollable-region-focusable).
    expect(await seriousViolations()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  // A select is as wide as its longest option (a sector's label runs to 160 characters), and a
  // fieldset as wide as its widest content unless told otherwise.
  it.each([[1280, "en"], [390, "en"], [390, "ko"]])("fits the form into a %i px wide window (%s)", async (width, lang) => {
    await page.setViewportSize({ width: width as number, height: 900 });
    await page.goto(`${server.url}/?lang=${lang}`);
    const pageWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(width as number);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  // The parameter, example and reference tables are wider than a phone: they scroll in their own box.
  it.each([
    "/rules?lang=ko", "/rules/state-land-rent-reduction?lang=en", "/rules/cash-grant?lang=ko",
    "/rules/reference/sectors?lang=ko", "/rules/reference/technologies?lang=en", "/rules/reference/laws?lang=en", "/rules/reference/usd-krw?lang=ko",
  ])("fits %s into a 390 px wide window", async (path) => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`${server.url}${path}`);
    const pageWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    expect(await seriousViolations()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it("prints a clean report and saves a screenshot", async () => {
    await page.goto(`${server.url}/estimate?${new URLSearchParams({
      asOf: "2026-11-24", "investment.route": "new-shares", "investment.amount": "30000000", "investment.currency": "USD",
      "investment.foreignOwnershipPct": "100", "business.sector": "manufacturing", "site.region": "seoul",
      "costs.annualPropertyTax": "100000", "exchangeRate.krwPerUsd": "1380.55", "exchangeRate.date": "2026-11-20", "exchangeRate.source": "test",
    })}`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.site nav").isVisible()).toBe(false);
    expect(await page.locator(".receipt").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    await page.screenshot({ path: join(artifacts, "result.png"), fullPage: true });
    expect(existsSync(join(artifacts, "result.png"))).toBe(true);
  });
});
