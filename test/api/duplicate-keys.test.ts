import { gzipSync } from "node:zlib";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { duplicateKey } from "../../src/api/duplicate-keys.js";
import { ProblemJson } from "../../src/engine/result-contract.js";
import { testApp } from "../helpers/app.js";

describe("a key given twice", () => {
  it.each([
    ['{"a": 1, "a": 2}', "a"],
    ['{"investment": {"amount": "-5", "amount": "30000000"}}', "investment.amount"],
    ['{"investment": {}, "investment": {"amount": "1"}}', "investment"],
    // The same key written with an escape is the same key.
    ['{"amount": 1, "\\u0061mount": 2}', "amount"],
    ['[{"a": 1}, {"b": 1, "c": {"d": 1, "d": 2}}]', "1.c.d"],
    ['{"profile": {"site": {"zone": "none", "region": "seoul", "zone": "fiz-service"}}}', "profile.site.zone"],
  ])("is found in %s at %s", (text, path) => {
    expect(duplicateKey(text)).toBe(path);
  });

  it("costs in proportion to an object's keys, however many", () => {
    // 120,000 keys in one object took 18 s when each key was sought in a list of all before it.
    const keys = Array.from({ length: 120_000 }, (_, i) => `"${i.toString(36)}":0`);
    const started = performance.now();
    expect(duplicateKey(`{${keys.join(",")}}`)).toBeUndefined();
    expect(duplicateKey(`{${keys.join(",")},"0":1}`)).toBe("0");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['{"a": 1, "b": {"a": 2}}'],
    ['[{"a": 1}, {"a": 2}]'],
    // A key inside a string value is no key; nor is a quote escaped inside a string.
    ['{"a": "{\\"a\\": 1, \\"a\\": 2}", "b": "x\\\\"}'],
    ['{"a": ["a", "a"], "b": "a"}'],
    // Text that is not JSON is the parser's to refuse.
    ['{"a": 1, "a'],
    [""],
  ])("is not found where there is none: %s", (text) => {
    expect(duplicateKey(text)).toBeUndefined();
  });

  const profile = '{"investment": {"route": "new-shares", "amount": "-5", "amount": "30000000", "currency": "USD", "foreignOwnershipPct": "100"}, "business": {"sector": "manufacturing"}, "site": {"region": "seoul"}}';
  it.each([
    ["a plain body", () => request(testApp()).post("/api/v1/estimate").set("content-type", "application/json").send(profile), "investment.amount"],
    ["a gzipped body", () => {
      // Written as bytes: .send() would encode a Buffer as JSON.
      const req = request(testApp()).post("/api/v1/estimate").set("content-type", "application/json").set("content-encoding", "gzip");
      req.write(gzipSync(profile));
      return req;
    }, "investment.amount"],
    ["a sweep's profile", () => request(testApp()).post("/api/v1/sweep").set("content-type", "application/json").send(`{"profile": ${profile}, "sweep": {}}`), "profile.investment.amount"],
  ])("makes %s a 400 naming it", async (_what, send, path) => {
    const res = await send().expect(400);
    const body = ProblemJson.parse(res.body);
    expect(body.type).toMatch(/\/duplicate-key$/);
    expect(body.errors).toEqual([{ path, message: "is given more than once" }]);
  });

  it("refuses a compressed body in another charset than UTF-8, as a plain one", async () => {
    const req = request(testApp()).post("/api/v1/estimate").set("content-type", "application/json; charset=utf-16le").set("content-encoding", "gzip");
    req.write(gzipSync(Buffer.from(profile, "utf16le")));
    const res = await req.expect(415);
    expect(ProblemJson.parse(res.body).detail).toBe("send UTF-8 JSON");
  });

  it("makes a line of a stream a 400 of its own, and the stream goes on", async () => {
    const good = '{"investment": {"route": "new-shares", "amount": "30000000", "currency": "USD", "foreignOwnershipPct": "100"}, "business": {"sector": "manufacturing"}, "site": {"region": "seoul"}}';
    const res = await request(testApp()).post("/api/v1/estimate/batch").set("content-type", "application/x-ndjson").send(`${profile}\n${good}\n`).expect(200);
    const [first, second] = res.text.trim().split("\n").map((line) => JSON.parse(line));
    expect(first).toMatchObject({ index: 0, status: 400, problem: { detail: "line 1: investment.amount is given more than once: each key may appear once in an object" } });
    expect(second).toMatchObject({ index: 1, status: 200 });
  });
});
