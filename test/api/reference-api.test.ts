import request from "supertest";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ExchangeRates, Laws, ReferenceTable } from "../../src/rules/reference-schema.js";
import { testApp } from "../helpers/app.js";

const app = testApp();

describe("GET /api/v1/reference/{name}", () => {
  it.each<[string, z.ZodType, (body: any) => unknown, unknown]>([
    ["sectors", ReferenceTable, (b) => b.rows.find((r: { code: string }) => r.code === "manufacturing").label, { en: "Manufacturing", ko: "제조업" }],
    ["technologies", ReferenceTable, (b) => b.rows.find((r: { code: string }) => r.code === "displays").confidence, "press"],
    ["regions", ReferenceTable, (b) => b.rows.find((r: { code: string }) => r.code === "incheon").values, { capital_region: true }],
    ["laws", Laws, (b) => b.laws.fipa.url, "https://www.law.go.kr/법령/외국인투자촉진법"],
    ["usd-krw", ExchangeRates, (b) => b.rates["2026-06"], "1529.4619"],
  ])("gives %s as the rule file holds it, in the shape its schema says", async (name, schema, pick, expected) => {
    const res = await request(app).get(`/api/v1/reference/${name}`).expect(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(schema.safeParse(res.body).success).toBe(true);
    expect(pick(res.body)).toEqual(expected);
  });

  it.each([
    ["a name it has no file of", () => request(app).get("/api/v1/reference/nope"), 404, "there is no reference file 'nope'; there are laws, regions, sectors, technologies, usd-krw"],
    ["a query parameter it does not read", () => request(app).get("/api/v1/reference/sectors?asOf=2026-01-01"), 400, "asOf is not a parameter of this endpoint, which reads none"],
    ["another method", () => request(app).post("/api/v1/reference/sectors").send({}), 405, undefined],
  ])("refuses %s with a problem document", async (_what, send, status, detail) => {
    const res = await send().expect(status);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    if (detail) expect(res.body.detail).toBe(detail);
  });

  it("is in the OpenAPI document, each kind of file by its schema", async () => {
    const doc = (await request(app).get("/api/v1/openapi.json").expect(200)).body;
    expect(doc.paths["/reference/{name}"].get.parameters[0].schema.enum).toEqual(["laws", "regions", "sectors", "technologies", "usd-krw"]);
    for (const name of ["ReferenceTable", "Laws", "ExchangeRates"]) expect(doc.components.schemas).toHaveProperty([name]);
  });
});
