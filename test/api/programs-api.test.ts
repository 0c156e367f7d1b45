import request from "supertest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EstimateJson, ProblemJson, ProgramJson, ProgramListJson } from "../../src/engine/result-contract.js";
import { testApp } from "../helpers/app.js";

const app = testApp();

describe("GET /api/v1/programs", () => {
  it("lists every program with the version and parameters in force on the date asked", async () => {
    const res = await request(app).get("/api/v1/programs?asOf=2010-10-05").expect(200);
    const body = ProgramListJson.parse(res.body);
    const fi = body.programs.find((p) => p.id === "foreign-investment")!;
    expect(fi.inForce).toMatchObject({ from: "2007-10-28", to: "2016-07-27" });
    expect(fi.parameters.find((p) => p.name === "min_amount_krw")?.current).toBe("KRW 50000000");
  });

  it("answers each date asked with that date's rules, one after the other", async () => {
    const minimum = async (asOf: string) => {
      const body = ProgramListJson.parse((await request(app).get(`/api/v1/programs?asOf=${asOf}`).expect(200)).body);
      return [body.asOf, body.programs.find((p) => p.id === "foreign-investment")!.parameters.find((p) => p.name === "min_amount_krw")?.current];
    };
    for (let i = 0; i < 2; i++) {
      expect(await minimum("2010-10-05")).toEqual(["2010-10-05", "KRW 50000000"]);
      expect(await minimum("2026-11-24")).toEqual(["2026-11-24", "KRW 100000000"]);
    }
  });

  it("describes one program with its sources", async () => {
    const body = ProgramJson.parse((await request(app).get("/api/v1/programs/fiz-individual").expect(200)).body);
    // The text in hand states the figure from 2021-06-23 (Decree 25(1)'s last amendment that may have
    // changed it); before that it is the same figure, unverified.
    const values = body.parameters.find((p) => p.name === "manufacturing_min_usd")?.values;
    expect(values?.map((v) => [v.from, v.confidence])).toEqual([["2009-09-09", "unverified"], ["2021-06-23", "statute"]]);
    expect(values?.[1]).toMatchObject({
      value: "USD 30000000.00",
      confidence: "statute",
      citation: { url: "https://www.law.go.kr/법령/외국인투자촉진법시행령/제25조" },
    });
  });

  it.each([
    ["/api/v1/programs/nope", 404, undefined],
    ["/api/v1/programs?asOf=yesterday", 400, "asOf"],
    ["/api/v1/programs?asOf=2026-02-30", 400, "asOf"],
    ["/api/v1/programs/cash-grant?asOf=2026-04-31", 400, "asOf"],
  ])("answers %s with %i, naming the parameter %s", async (path, status, parameter) => {
    const body = ProblemJson.parse((await request(app).get(path).expect(status)).body);
    expect(body.errors?.map((e) => e.path)).toEqual(parameter && [parameter]);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = (await request(app).get("/api/v1/openapi.json").expect(200)).body;
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/estimate", "/estimate/batch", "/sweep", "/replay", "/programs", "/programs/{id}"]));
  });

  it("answers every request example as the document says", async () => {
    const doc = (await request(app).get("/api/v1/openapi.json")).body;
    const operation = doc.paths["/estimate"].post;
    const examples = Object.entries(operation.requestBody.content["application/json"].examples) as [string, { value: unknown }][];
    expect(examples.length).toBeGreaterThan(1);
    for (const [name, { value }] of examples) {
      const [status] = Object.entries(operation.responses).find(([, r]) =>
        Object.values((r as { content?: Record<string, { examples?: object }> }).content ?? {}).some((c) => c.examples && name in c.examples),
      )!;
      const res = await request(app).post("/api/v1/estimate").send(value as object);
      expect([name, res.status]).toEqual([name, Number(status)]);
      (res.status === 200 ? EstimateJson : ProblemJson).parse(res.body);
    }
  });

  // What integrators meet when a request goes wrong must be in the document they code against.
  it.each([
    ["/estimate/batch", "post", () => request(app).post("/api/v1/estimate/batch").set("content-type", "application/json").send("{bad")],
    ["/estimate/batch", "post", () => request(app).post("/api/v1/estimate/batch").set("content-type", "application/json")],
    ["/sweep", "post", () => request(app).post("/api/v1/sweep").set("content-type", "text/plain").send("x")],
    ["/sweep", "post", () => request(app).post("/api/v1/sweep").send({ pad: "x".repeat(70_000) })],
    ["/replay", "post", () => request(app).post("/api/v1/replay").set("content-type", "text/plain").send("x")],
    ["/programs/{id}", "get", () => request(app).get("/api/v1/programs/cash-grant?asOf=bad")],
  ])("lists the status %s answers a bad request with", async (path, method, send) => {
    const doc = (await request(app).get("/api/v1/openapi.json")).body;
    const res = await send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(Object.keys(doc.paths[path][method].responses)).toContain(String(res.status));
  });

  it("describes the profile with the same schema that validates requests", async () => {
    const doc = (await request(app).get("/api/v1/openapi.json")).body;
    const profile = doc.components.schemas.Profile;
    expect(profile.properties.business.properties.sector.enum).toContain("manufacturing");
    expect(profile.additionalProperties).toBe(false);
    expect(z.object({ required: z.array(z.string()) }).parse(profile).required).toEqual(["investment", "business", "site"]);
  });
});
