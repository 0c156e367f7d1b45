import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { BatchJson, BatchLineJson, EstimateJson, ProblemJson } from "../../src/engine/result-contract.js";
import { BATCH_MAX, BATCH_STREAM_BYTES_MAX, BATCH_STREAM_LINES_MAX, BATCH_STREAM_MAX } from "../../src/api/estimate-routes.js";
import { EXAMPLE_PROFILE } from "../../src/api/openapi.js";
import { testApp } from "../helpers/app.js";

const app = testApp();
const post = (path: string) => request(app).post(`/api/v1${path}`);
/** The example profile with one byte that is not UTF-8 in its rate's source. */
const notUtf8 = Buffer.from(JSON.stringify(EXAMPLE_PROFILE).replace(/"source":"/, '"source":"\u00ff'), "latin1");

/** POST /api/v1/estimate with no Content-Length: the body arrives as a chunked stream. */
function chunked(text: string) {
  const half = Math.floor(text.length / 2);
  return raw(Buffer.from(text.slice(0, half)), undefined, Buffer.from(text.slice(half)));
}

/** The bytes as they are (superagent would serialise a Buffer sent as JSON), in the chunks given. */
function raw(first: Buffer, encoding?: string, ...rest: Buffer[]) {
  const req = post("/estimate").set("content-type", "application/json");
  if (encoding) req.set("content-encoding", encoding);
  for (const chunk of [first, ...rest]) req.write(chunk);
  return req;
}

describe("POST /api/v1/estimate", () => {
  it("answers a valid profile with the explained estimate, money as strings", async () => {
    const res = await post("/estimate").send(EXAMPLE_PROFILE).expect(200);
    const body = EstimateJson.parse(res.body);
    expect(body.exchangeRate).toEqual({ krwPerUsd: "1380.55", date: "2026-11-20", source: "Seoul Money Brokerage basic rate" });
    expect(body.programs.find((p) => p.id === "fiz-individual")?.status).toBe("eligible");
    expect(JSON.stringify(body)).not.toMatch(/"(krw|usd|amount)":\d/);
    expect(res.headers["x-ruleset-hash"]).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers["x-engine-version"]).toBe("test");
  });

  it("says with the version in force what it changed", async () => {
    const body = EstimateJson.parse((await post("/estimate?explain=false").send(EXAMPLE_PROFILE).expect(200)).body);
    const land = body.programs.find((p) => p.id === "state-land-rent-reduction")!;
    expect(land.version).toMatchObject({ from: "2026-01-01", to: null, note: { en: expect.stringMatching(/^From 2026-01-01 no new tax-reduction decision/) } });
  });

  it("names what each program in force assumes without checking, and nothing for one not in force", async () => {
    const body = EstimateJson.parse((await post("/estimate?explain=false").send(EXAMPLE_PROFILE).expect(200)).body);
    const of = (id: string) => body.programs.find((p) => p.id === id)!;
    expect(of("cash-grant").assumes?.[0]?.en).toBe("The investment builds a new or enlarged factory, business premises or research facility.");
    expect(of("cash-grant").assumes?.[0]?.ko).toBe("공장·사업장·연구시설을 신설하거나 증설하는 투자임.");
    expect(of("corporate-tax-reduction").status).toBe("not-in-force");
    expect(of("corporate-tax-reduction").assumes).toBeUndefined();
  });

  it("drops the condition trees with ?explain=false and keeps the figures", async () => {
    const full = EstimateJson.parse((await post("/estimate").send(EXAMPLE_PROFILE)).body);
    const lean = EstimateJson.parse((await post("/estimate?explain=false").send(EXAMPLE_PROFILE).expect(200)).body);
    expect(lean.programs.some((p) => p.conditions)).toBe(false);
    expect(lean.totals).toEqual(full.totals);
  });

  it.each(["/estimate?explain=no", "/estimate?explain=", "/estimate/batch?explain=FALSE"])("refuses %s naming the parameter, not reading it as true", async (path) => {
    const res = await post(path).send(path.includes("batch") ? [EXAMPLE_PROFILE] : EXAMPLE_PROFILE).expect(400);
    expect(res.body).toMatchObject({ status: 400, errors: [{ path: "explain", message: "must be true or false" }] });
  });

  it.each([
    ["POST", "/estimate?explain[]=false", "explain[]", "is not a parameter of this endpoint, which reads explain"],
    ["POST", "/estimate?explain=false&explain=true", "explain", "must be given once"],
    ["POST", "/sweep?explain=false", "explain", "is not a parameter of this endpoint, which reads none"],
    ["GET", "/programs?asof=2017-06-01", "asof", "is not a parameter of this endpoint, which reads asOf"],
    ["GET", "/programs/cash-grant?asOf[]=2017-06-01", "asOf[]", "is not a parameter of this endpoint, which reads asOf"],
    // Wherever Express routes the request: a trailing slash, another letter case.
    ["GET", "/programs/?asof=2017-06-01", "asof", "is not a parameter of this endpoint, which reads asOf"],
    ["POST", "/Estimate?bogus=1", "bogus", "is not a parameter of this endpoint, which reads explain"],
  ])("refuses %s %s naming the parameter, rather than answer a question not asked", async (method, path, name, message) => {
    const req = method === "GET" ? request(app).get(`/api/v1${path}`) : post(path).send(EXAMPLE_PROFILE);
    const res = await req.expect(400);
    expect(res.body).toMatchObject({ status: 400, detail: `${name} ${message}`, errors: [{ path: name, message }] });
  });

  // The example profile gives no state land to lease: the rent reduction it qualifies for is not
  // worked out, and a total of 0 would pass for a benefit of 0 without these fields.
  it.each([
    // The reduction is discretionary: it counts only up to, so only that total is a lower bound.
    ["without the land's value", {}, "none", { certain: [], upTo: ["state-land-rent-reduction"] }],
    ["with the land's value and lease term", { stateLandValue: "2000000000", leaseYears: 50 }, "all", { certain: [], upTo: [] }],
  ])("says how much of each benefit it could work out, and which the totals leave out: %s", async (_what, land, estimated, leftOut) => {
    const profile = { ...EXAMPLE_PROFILE, costs: { ...EXAMPLE_PROFILE.costs, ...land } };
    const body = EstimateJson.parse((await post("/estimate?explain=false").send(profile).expect(200)).body);
    const benefit = body.programs.find((p) => p.id === "state-land-rent-reduction")!.benefit;
    expect(benefit?.kind === "schedule" && benefit.estimated).toBe(estimated);
    expect(body.totals.leftOut).toEqual(leftOut);
  });

  it.each([
    ["malformed JSON", 400, "malformed-json", () => post("/estimate").set("content-type", "application/json").send('{"investment": ')],
    ["an empty body", 400, "empty-body", () => post("/estimate")],
    ["a form post", 415, "unsupported-media-type", () => post("/estimate").type("form").send("a=1")],
    ["a body over 64 kB", 413, "too-large", () => post("/estimate").send({ ...EXAMPLE_PROFILE, pad: "x".repeat(70_000) })],
    ["a chunked body over 64 kB", 413, "too-large", () => chunked(JSON.stringify({ ...EXAMPLE_PROFILE, pad: "x".repeat(70_000) }))],
    ["a Latin-1 body", 415, "unsupported-encoding", () => post("/estimate").set("content-type", "application/json; charset=iso-8859-1").send(JSON.stringify(EXAMPLE_PROFILE))],
    // Decoded as UTF-8, the byte 0xff would be estimated as U+FFFD, in the source and the receipt's hash.
    ["a body that is not UTF-8", 415, "unsupported-encoding", () => raw(notUtf8)],
    ["a gzip body that is not UTF-8", 415, "unsupported-encoding", () => raw(gzipSync(notUtf8), "gzip")],
    // Plain JSON said to be compressed: it cannot be inflated, which is the body's fault, said so.
    ["plain JSON said to be gzip", 400, "undecodable-body", () => raw(Buffer.from(JSON.stringify(EXAMPLE_PROFILE)), "gzip")],
    ["plain JSON said to be deflate", 400, "undecodable-body", () => raw(Buffer.from(JSON.stringify(EXAMPLE_PROFILE)), "deflate")],
    ["plain JSON said to be br", 400, "undecodable-body", () => raw(Buffer.from(JSON.stringify(EXAMPLE_PROFILE)), "br")],
    ["a profile that breaks the contract", 422, "invalid-profile", () => post("/estimate").send({ ...EXAMPLE_PROFILE, investment: { amount: 5 } })],
    ["a GET", 405, "method-not-allowed", () => request(app).get("/api/v1/estimate")],
    ["an unknown path", 404, "not-found", () => request(app).get("/api/v1/nothing")],
  ])("answers %s with a %i problem document", async (_what, status, slug, send) => {
    const res = await send().expect(status);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = ProblemJson.parse(res.body);
    expect(body.status).toBe(status);
    expect(body.type).toMatch(new RegExp(`/${slug}$`));
  });

  it.each([
    ["a body in an encoding the server cannot inflate", () => raw(Buffer.from(JSON.stringify(EXAMPLE_PROFILE)), "zstd"), "send the body as gzip, deflate, br or identity"],
    ["a Latin-1 body", () => post("/estimate").set("content-type", "application/json; charset=iso-8859-1").send(JSON.stringify(EXAMPLE_PROFILE)), "send UTF-8 JSON"],
    ["JSON Lines to the batch", () => post("/estimate/batch").set("content-type", "application/jsonl").send("{}"), "send application/json (or application/x-ndjson, one profile a line), not application/jsonl"],
    ["a form to the estimate", () => post("/estimate").type("form").send("a=1"), "send application/json, not application/x-www-form-urlencoded"],
  ])("says what to send instead for %s", async (_what, send, detail) => {
    const res = await send().expect(415);
    expect(ProblemJson.parse(res.body).detail).toBe(detail);
  });

  it.each([
    ["gzip-compressed", () => raw(gzipSync(JSON.stringify(EXAMPLE_PROFILE)), "gzip")],
    ["sent in chunks", () => chunked(JSON.stringify(EXAMPLE_PROFILE))],
    ["led by a byte-order mark", () => post("/estimate").set("content-type", "application/json; charset=utf-8").send(`\ufeff${JSON.stringify(EXAMPLE_PROFILE)}`)],
  ])("reads a profile %s", async (_how, send) => {
    const body = EstimateJson.parse((await send().expect(200)).body);
    expect(body.asOf).toBe(EXAMPLE_PROFILE.asOf);
  });

  it("names every bad field, unknown ones by name", async () => {
    const res = await post("/estimate")
      .send({ ...EXAMPLE_PROFILE, investment: { ...EXAMPLE_PROFILE.investment, amount: "-5", foreignOwnershipPct: "101" }, extra: 1 })
      .expect(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: "investment.amount", message: "must not be negative" },
        { path: "investment.foreignOwnershipPct", message: "must be at most 100" },
        { path: "extra", message: "is not a field of the profile" },
      ]),
    );
  });

  it("lays each decision table open: how its rows give the value, what each gives, and the value when none holds", async () => {
    const body = EstimateJson.parse((await post("/estimate").send({ ...EXAMPLE_PROFILE, asOf: "2026-11-24", site: { region: "chungnam", zone: "fiz-complex" } }).expect(200)).body);
    const tier = body.programs.find((p) => p.id === "state-land-rent-reduction")!.tables!.find((t) => t.name === "reduction")!;
    expect(tier.hit).toBe("first");
    expect(tier.otherwise).toEqual({ type: "percent", value: "0" });
    expect(tier.rowValues).toHaveLength(tier.rows.length);
    // The value is the first row that holds's own.
    const first = tier.rowsHold.indexOf(true);
    expect(tier.value).toEqual(tier.rowValues[first]);
    expect(tier.rows.map((r) => r.passed)).toEqual(tier.rowsHold);
  });

  it("carries a reading of the law for counsel to confirm as a warning, whatever the status", async () => {
    const body = EstimateJson.parse((await post("/estimate?explain=false").send({ ...EXAMPLE_PROFILE, asOf: "2026-11-24" }).expect(200)).body);
    const goods = body.programs.find((p) => p.id === "capital-goods-tax-exemption")!;
    expect(goods.status).toBe("ineligible");
    expect(goods.warnings).toContainEqual({
      code: "contested-reading",
      note: expect.stringMatching(/^Decree 116-5\(1\) exempts goods/),
      noteKo: expect.stringMatching(/^시행령 제116조의5제1항은/),
      message: expect.stringMatching(/^this version of the rules rests on a reading of the law that counsel should confirm: Decree 116-5\(1\)/),
    });
  });

  it("answers a wrong method or path with its 405 or 404 before looking at the query", async () => {
    await request(app).delete("/api/v1/estimate?bogus=1").expect(405);
    await request(app).get("/api/v1/nothing?bogus=1").expect(404);
  });

  it("names the rule set and the engine on /healthz as on every API answer, for a check that compares instances", async () => {
    const [health, api] = await Promise.all([request(app).get("/healthz").expect(200), post("/estimate").send(EXAMPLE_PROFILE).expect(200)]);
    expect(health.headers["x-ruleset-hash"]).toMatch(/^[0-9a-f]{64}$/);
    expect([health.headers["x-ruleset-hash"], health.headers["x-engine-version"]]).toEqual([api.headers["x-ruleset-hash"], api.headers["x-engine-version"]]);
    expect(health.body).toMatchObject({ status: "ok", rulesetHash: health.headers["x-ruleset-hash"] });
  });

  it("says 405 with the allowed methods", async () => {
    const res = await request(app).delete("/api/v1/estimate").expect(405);
    expect(res.headers.allow).toBe("POST");
    const health = await request(app).post("/healthz").expect(405);
    expect(health.headers.allow).toBe("GET, HEAD");
    expect(ProblemJson.parse(health.body).type).toMatch(/method-not-allowed$/);
  });

  it.each([
    ["a number", "1"],
    ["null", "null"],
    ["a list", "[]"],
  ])("says a body that is %s must be an object", async (_what, body) => {
    const res = await post("/estimate").set("content-type", "application/json").send(body).expect(422);
    expect(res.body.detail).toBe("1 field(s) are not valid: the profile itself");
    expect(res.body.errors).toEqual([{ path: "", message: expect.stringMatching(/^must be an object$|^is required$/) }]);
  });

  it("names a missing content type as such", async () => {
    const res = await post("/estimate").send(Buffer.from(JSON.stringify(EXAMPLE_PROFILE))).unset("content-type").expect(415);
    expect(res.body.detail).toBe("send application/json, not a body without a content type");
  });
});

describe("POST /api/v1/estimate/batch", () => {
  it("answers each profile of a JSON array in order, with its result or its own problem", async () => {
    const res = await post("/estimate/batch").send([EXAMPLE_PROFILE, { nope: true }, EXAMPLE_PROFILE]).expect(200);
    const { results } = BatchJson.parse(res.body);
    expect(results.map((r) => [r.index, r.status])).toEqual([[0, 200], [1, 422], [2, 200]]);
  });

  it(`refuses more than ${BATCH_MAX} profiles in one JSON batch`, async () => {
    await post("/estimate/batch").send(Array.from({ length: BATCH_MAX + 1 }, () => ({}))).expect(413);
  });

  it("refuses a body that is not an array", async () => {
    expect((await post("/estimate/batch").send({}).expect(422)).body.type).toMatch(/invalid-batch$/);
  });

  it("streams NDJSON: one line in, one line out, bad lines answered in place", async () => {
    const lines = [JSON.stringify(EXAMPLE_PROFILE), "{ not json", JSON.stringify({ asOf: "x" }), "", JSON.stringify(EXAMPLE_PROFILE)].join("\n");
    const res = await post("/estimate/batch").set("content-type", "application/x-ndjson").send(lines).expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/x-ndjson/);
    const out = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => [o.index, o.status])).toEqual([[0, 200], [1, 400], [2, 422], [3, 200]]);
    expect(EstimateJson.parse(out[3].estimate).asOf).toBe("2026-11-24");
    // Each line is the contract's BatchLine, its line named.
    for (const line of out) expect(BatchLineJson.safeParse(line).success, JSON.stringify(line).slice(0, 200)).toBe(true);
  });

  /** The NDJSON answer of a stream, one status and detail a line. */
  const streamed = async (body: Buffer | string, headers: Record<string, string> = {}) => {
    const req = post("/estimate/batch?explain=false").set("content-type", "application/x-ndjson");
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    const res = await req.send(Buffer.isBuffer(body) ? body : Buffer.from(body)).expect(200);
    return res.text.trim().split("\n").map((l) => JSON.parse(l) as { index: number; status: number; problem?: { detail: string } });
  };
  const profileLine = JSON.stringify(EXAMPLE_PROFILE);

  it("names the line a malformed profile is on, blank lines counted", async () => {
    const out = await streamed([profileLine, "", "", "{ nope", profileLine].join("\n"));
    expect(out.map((o) => [o.index, o.status, o.problem?.detail])).toEqual([[0, 200, undefined], [1, 400, "line 4 is not valid JSON"], [2, 200, undefined]]);
  });

  it("gives every answer the line it answers, blank lines counted, so that a client can map a 422 back", async () => {
    const out = await streamed([profileLine, "", JSON.stringify({ asOf: "2023-02-29" }), profileLine].join("\n"));
    expect(out.map((o) => [o.index, (o as { line?: number }).line, o.status])).toEqual([[0, 1, 200], [1, 3, 422], [2, 4, 200]]);
  });

  it("refuses a line that is not UTF-8, naming it, and goes on", async () => {
    const out = await streamed(Buffer.concat([Buffer.from(`${profileLine}\n`), notUtf8, Buffer.from(`\n${profileLine}`)]));
    expect(out.map((o) => [o.index, o.status, o.problem?.detail])).toEqual([[0, 200, undefined], [1, 400, "line 2 is not valid UTF-8"], [2, 200, undefined]]);
  });

  it("answers a line over 64 kB with a 413 without holding it, and goes on", async () => {
    const out = await streamed([profileLine, "x".repeat(3_000_000), profileLine].join("\n"));
    expect(out.map((o) => [o.index, o.status, o.problem?.detail])).toEqual([[0, 200, undefined], [1, 413, "line 2 is over 64 kB"], [2, 200, undefined]]);
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ])("reads a %s-compressed stream", async (encoding, compress) => {
    const out = await streamed(compress(`\ufeff${profileLine}\n${profileLine}\n`), { "content-encoding": encoding });
    expect(out.map((o) => o.status)).toEqual([200, 200]);
  });

  it(`stops a stream after ${BATCH_STREAM_MAX} profiles with a 413 line, and still ends the answer`, async () => {
    const out = await streamed(`${"{}\n".repeat(BATCH_STREAM_MAX + 5)}`);
    expect(out).toHaveLength(BATCH_STREAM_MAX + 1);
    expect(out.at(-1)).toMatchObject({ index: BATCH_STREAM_MAX, status: 413 });
  });

  const tooLarge = `a stream holds at most ${BATCH_STREAM_MAX} profiles, in at most ${BATCH_STREAM_LINES_MAX} lines and ${BATCH_STREAM_BYTES_MAX / 1024 / 1024} MB`;

  it(`stops a stream past ${BATCH_STREAM_LINES_MAX} lines, blank ones counted, with a 413 line naming the line`, async () => {
    // A few kilobytes of gzip inflating to millions of blank lines held a worker for seconds, answering nothing.
    const out = await streamed(gzipSync(`${profileLine}\n${"\n".repeat(BATCH_STREAM_LINES_MAX + 5)}`), { "content-encoding": "gzip" });
    expect(out.map((o) => [o.index, (o as { line?: number }).line, o.status, o.problem?.detail])).toEqual([
      [0, 1, 200, undefined],
      [1, BATCH_STREAM_LINES_MAX + 1, 413, tooLarge],
    ]);
  });

  it(`stops a stream past ${BATCH_STREAM_BYTES_MAX / 1024 / 1024} MB inflated, with a 413 line`, async () => {
    // 70 MB of spaces with no line break: one overlong line, read to its end before.
    const out = await streamed(gzipSync(`${profileLine}\n${" ".repeat(70 * 1024 * 1024)}`), { "content-encoding": "gzip" });
    expect(out.map((o) => [o.index, (o as { line?: number }).line, o.status, o.problem?.detail])).toEqual([
      [0, 1, 200, undefined],
      [1, 2, 413, tooLarge],
    ]);
  });

  it("answers the lines before a corrupt compressed stream, then says the body broke off", async () => {
    const whole = gzipSync(`${profileLine}\n`.repeat(3));
    const broken = Buffer.concat([whole.subarray(0, whole.length - 12), Buffer.from("garbage!garbage!")]);
    const out = await streamed(broken, { "content-encoding": "gzip" });
    expect(out.at(-1)).toMatchObject({ status: 400, problem: { detail: "the body is not valid gzip, though its Content-Encoding says it is; the lines before this one were answered" } });
    // Nothing answered before it: nothing said to be.
    const plain = await streamed(Buffer.from(`${profileLine}\n`), { "content-encoding": "gzip" });
    expect(plain).toMatchObject([{ index: 0, status: 400, problem: { detail: "the body is not valid gzip, though its Content-Encoding says it is" } }]);
  });

  it.each([
    ["an unknown content encoding", { "content-encoding": "compress" }],
    ["a content encoding named like an object property", { "content-encoding": "constructor" }],
    ["a Latin-1 stream", { "content-type": "application/x-ndjson; charset=iso-8859-1" }],
  ])("refuses %s with a 415 before answering any line", async (_what, headers) => {
    const req = post("/estimate/batch").set("content-type", "application/x-ndjson");
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    const res = await req.send(profileLine).expect(415);
    expect(ProblemJson.parse(res.body).type).toMatch(/unsupported-encoding$/);
  });
});
