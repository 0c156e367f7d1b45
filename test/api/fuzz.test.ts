// Property-based fuzzing of the estimate endpoint over a real server: valid and hostile bodies alike
// get a 200 or a 4xx problem document — never a 500 — and the server answers afterwards.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_PROFILE } from "../../src/api/openapi.js";
import { testApp } from "../helpers/app.js";
import { listen } from "../helpers/server.js";

let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  server = await listen(testApp());
});
afterAll(() => server.close());

const HOSTILE_VALUES: unknown[] = [
  "", " ", "1e400", "-1", "0", "0.000", "NaN", "Infinity", "１２３", "1,000", "12.345", "99999999999999999999999", null, true, 0, -1,
  1e308, [], {}, "<script>alert(1)</script>", "x".repeat(20_000), "\u0000", "💥", { __proto__: { polluted: true } }, ["a"],
];

const PATHS: (readonly string[])[] = [
  ["asOf"], ["investment"], ["investment", "route"], ["investment", "amount"], ["investment", "currency"],
  ["investment", "foreignOwnershipPct"], ["investment", "loanTermYears"], ["business", "sector"], ["business", "technology"],
  ["site", "region"], ["site", "zone"], ["employment", "newRegularEmployees"], ["costs", "capitalGoodsImports"],
  ["costs", "leaseYears"], ["exchangeRate", "krwPerUsd"], ["exchangeRate"], ["__proto__"], ["constructor"], ["investment", "__proto__"],
];

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(target));
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) Object.defineProperty(node, key, { value: {}, enumerable: true, writable: true });
    node = node[key] as Record<string, unknown>;
  }
  Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

const validish = fc
  .record({
    amount: fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 17n }).map(String), fc.constantFrom("0.01", "1", "30000000", "29999999.99")),
    currency: fc.constantFrom("USD", "KRW"),
    pct: fc.integer({ min: 0, max: 100 }).map(String),
    hires: fc.integer({ min: 0, max: 2000 }),
    researchers: fc.integer({ min: 0, max: 50 }),
    route: fc.constantFrom("new-shares", "existing-shares", "long-term-loan", "reinvested-earnings", "nonprofit-contribution"),
    asOf: fc.date({ min: new Date("1990-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  })
  .map((r) => JSON.stringify({
    ...EXAMPLE_PROFILE,
    asOf: r.asOf,
    investment: { route: r.route, amount: r.amount, currency: r.currency, foreignOwnershipPct: r.pct, loanTermYears: 5 },
    employment: { newRegularEmployees: r.hires, researchers: r.researchers },
  }));

const mutated = fc
  .tuple(fc.constantFrom(...PATHS), fc.constantFrom(...HOSTILE_VALUES))
  .map(([path, value]) => JSON.stringify(setAt(EXAMPLE_PROFILE as Record<string, unknown>, path, value)));

const raw = fc.oneof(
  fc.json(),
  fc.constantFrom('{"investment":{"amount":1e400}}', "NaN", "[", "{\"a\":}", deep(2_000), deep(50), '{"__proto__":{"x":1}}', '"just a string"', "null"),
  fc.string({ maxLength: 200 }),
);

const body = fc.oneof(
  { weight: 4, arbitrary: validish.map((text) => Buffer.from(text)) },
  { weight: 4, arbitrary: mutated.map((text) => Buffer.from(text)) },
  { weight: 2, arbitrary: raw.map((text) => Buffer.from(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.concat([Buffer.from('{"asOf":"'), Buffer.from(bytes), Buffer.from('"}')])) },
);

describe("fuzzing POST /api/v1/estimate", () => {
  it("answers 10,000 generated bodies with a 200 or a 4xx problem document, never a 500", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(body, async (bytes) => {
        const res = await fetch(`${server.url}/api/v1/estimate?explain=false`, { method: "POST", headers: { "content-type": "application/json" }, body: bytes });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status === 200 || (res.status >= 400 && res.status < 500), `${res.status} for ${bytes.toString().slice(0, 200)}`).toBe(true);
        if (res.status !== 200) expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        expect(() => JSON.parse(text)).not.toThrow();
      }),
      { numRuns: 10_000 },
    );
    expect(statuses.get(200)).toBeGreaterThan(1_000);
    expect(statuses.get(422)).toBeGreaterThan(1_000);
  }, 180_000);

  it("still answers afterwards", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
