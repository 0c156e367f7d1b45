// The OpenAPI 3.1 document, built from the schemas that validate requests (the profile) and that
// describe responses (contract.ts). Request examples are paired by name with the response that
// answers them; the test suite sends each and checks the answer.
import { z } from "zod";
import type { RuleSet } from "../engine/rule-set.js";
import { BatchJson, BatchLineJson, EstimateJson, ProblemJson, ProgramJson, ProgramListJson, ReplayJson, SweepJson } from "../engine/result-contract.js";
import { SweepSpec } from "../engine/sweep.js";
import { ExchangeRates, Laws, ReferenceTable } from "../rules/reference-schema.js";
import { BATCH_MAX, BATCH_STREAM_MAX } from "./estimate-routes.js";

type Json = Record<string, unknown>;

/** JSON Schemas for components.schemas: each schema's own $defs (recursive parts) are lifted into
 *  components.schemas under the schema's name, since OpenAPI resolves "#/..." from the document root. */
function componentSchemas(schemas: Record<string, { schema: z.ZodType; io?: "input" | "output" }>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, { schema, io = "output" }] of Object.entries(schemas)) {
    const { $schema, $defs = {}, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json & { $defs?: Record<string, Json> };
    void $schema;
    const rename = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rename);
      if (!value || typeof value !== "object") return value;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", `#/components/schemas/${name}_`) : rename(v)]),
      );
    };
    out[name] = rename(rest) as Json;
    for (const [key, def] of Object.entries($defs)) out[`${name}_${key}`] = rename(def) as Json;
  }
  return out;
}

export const EXAMPLE_PROFILE = {
  asOf: "2026-11-24",
  investment: { route: "new-shares", amount: "30000000", currency: "USD", foreignOwnershipPct: "100" },
  business: { sector: "manufacturing", technology: "semiconductors" },
  site: { region: "chungnam", zone: "none" },
  employment: { newRegularEmployees: 120, researchers: 12 },
  costs: { capitalGoodsImports: "8000000", customsDutyRatePct: "8", individualConsumptionTaxRatePct: "0" },
  exchangeRate: { krwPerUsd: "1380.55", date: "2026-11-20", source: "Seoul Money Brokerage basic rate" },
};

const INVALID_PROFILE = { ...EXAMPLE_PROFILE, investment: { ...EXAMPLE_PROFILE.investment, amount: "-5" } };

/** A JSON request body of exactly these parts, each required (the endpoints refuse any other key). */
const jsonBodyOf = (properties: Record<string, Json>) => ({
  required: true,
  content: { "application/json": { schema: { type: "object", required: Object.keys(properties), additionalProperties: false, properties } } },
});

const problemResponse = (description: string, examples?: Record<string, unknown>) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" }, ...(examples ? { examples } : {}) } },
});

/** What every endpoint that reads a JSON body may answer before it reads the body's meaning
 *  (read-json.ts); the endpoints that also read ?explain refuse a bad one with the same 400. */
const bodyProblems = (limit: string, { readsExplain = false } = {}) => ({
  400: problemResponse(
    readsExplain
      ? "Malformed JSON, a key given twice in one object, an empty body, a body its Content-Encoding does not inflate (undecodable-body), explain neither true nor false, or a query parameter the endpoint does not read (or given twice)"
      : "Malformed JSON, a key given twice in one object, an empty body, a body its Content-Encoding does not inflate (undecodable-body), or a query parameter (the endpoint reads none)",
  ),
  413: problemResponse(`The body is over ${limit}`),
  415: problemResponse("The body is not UTF-8 JSON (or, for a batch, NDJSON)"),
});

export function openApiDocument(ruleSet: RuleSet, engineVersion: string) {
  const asOf = { name: "asOf", in: "query", required: false, schema: { type: "string", format: "date" }, description: "Defaults to today in Asia/Seoul." };
  const explain = { name: "explain", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] }, description: "false drops the condition trees and decision-table traces, keeping statuses, figures and warnings." };
  return {
    openapi: "3.1.0",
    info: {
      title: "fdi-incentives estimate API",
      version: engineVersion,
      description: "Which Korean FDI incentives an investment qualifies for, and what they are worth, explained and cited. Money is always a decimal string.",
    },
    servers: [{ url: "/api/v1" }],
    paths: {
      "/estimate": {
        post: {
          summary: "Estimate the incentives for one investment profile",
          parameters: [explain],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Profile" },
                examples: { valid: { value: EXAMPLE_PROFILE }, invalid: { summary: "A negative amount", value: INVALID_PROFILE } },
              },
            },
          },
          responses: {
            200: { description: "The explained estimate", content: { "application/json": { schema: { $ref: "#/components/schemas/Estimate" }, examples: { valid: { summary: "Answers the valid profile" } } } } },
            ...bodyProblems("64 kB", { readsExplain: true }),
            422: problemResponse("The profile breaks the contract; errors[] names every bad field", { invalid: { summary: "Answers the invalid profile" } }),
          },
        },
      },
      "/estimate/batch": {
        post: {
          summary: `Estimate up to ${BATCH_MAX} profiles (JSON array) or up to ${BATCH_STREAM_MAX} (NDJSON, streamed), each answered in order`,
          parameters: [explain],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { type: "array", maxItems: BATCH_MAX, items: { $ref: "#/components/schemas/Profile" } } },
              "application/x-ndjson": { schema: { type: "string", description: "One profile per line" } },
            },
          },
          responses: {
            200: {
              description: "One result per profile, in order: an estimate or its own problem",
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/Batch" } },
                "application/x-ndjson": { schema: { type: "string", description: "One BatchLine (#/components/schemas/BatchLine) per line" } },
              },
            },
            ...bodyProblems("1 MB", { readsExplain: true }),
            413: problemResponse(`The body is over 1 MB, or a JSON batch holds more than ${BATCH_MAX} profiles`),
            422: problemResponse("The body is not an array"),
          },
        },
      },
      "/sweep": {
        post: {
          summary: "One profile across a range of one field, and where each program's status flips",
          requestBody: jsonBodyOf({ profile: { $ref: "#/components/schemas/Profile" }, sweep: { $ref: "#/components/schemas/SweepSpec" } }),
          responses: {
            200: { description: "The points, the flips and the warnings about the rate", content: { "application/json": { schema: { $ref: "#/components/schemas/Sweep" } } } },
            ...bodyProblems("64 kB"),
            422: problemResponse(
              "invalid-profile when only the profile breaks the contract; invalid-sweep when the sweep, a point of it or the request body does (errors[] names profile.…, sweep.… or the key)",
            ),
          },
        },
      },
      "/replay": {
        post: {
          summary: "A saved estimate evaluated again on its receipt's date and rate: do the figures match, and if not, why",
          requestBody: jsonBodyOf({
            estimate: { $ref: "#/components/schemas/Estimate", description: "An answer of /estimate, as saved" },
            profile: { $ref: "#/components/schemas/Profile" },
          }),
          responses: {
            200: { description: "Whether the figures match, and the differences", content: { "application/json": { schema: { $ref: "#/components/schemas/Replay" } } } },
            ...bodyProblems("512 kB"),
            422: problemResponse("Not a replay request, or the receipt or the profile breaks the contract (errors[] names estimate.… or profile.…)"),
          },
        },
      },
      "/programs": {
        get: {
          summary: "Every program, with the version and parameters in force on a date",
          parameters: [asOf],
          responses: { 200: { description: "The programs", content: { "application/json": { schema: { $ref: "#/components/schemas/ProgramList" } } } }, 400: problemResponse("asOf is not a date, is given twice, or another query parameter is given") },
        },
      },
      "/reference/{name}": {
        get: {
          summary: "A reference file as the rule files hold it: a code table (sectors, technologies, regions: each code's labels in English and Korean, values, sources, confidence), the laws cited, or the default USD/KRW rates",
          parameters: [{ name: "name", in: "path", required: true, schema: { type: "string", enum: [...ruleSet.references.keys()] } }],
          responses: {
            200: {
              description: "The file's content",
              content: { "application/json": { schema: { oneOf: ["ReferenceTable", "Laws", "ExchangeRates"].map((name) => ({ $ref: `#/components/schemas/${name}` })) } } },
            },
            400: problemResponse("A query parameter is given"),
            404: problemResponse("No such reference file"),
          },
        },
      },
      "/programs/{id}": {
        get: {
          summary: "One program: citations, versions, parameters with sources, conditions",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", enum: ruleSet.programs.map((p) => p.id) } }, asOf],
          responses: {
            200: { description: "The program", content: { "application/json": { schema: { $ref: "#/components/schemas/Program" } } } },
            400: problemResponse("asOf is not a date, is given twice, or another query parameter is given"),
            404: problemResponse("No such program"),
          },
        },
      },
    },
    components: {
      schemas: componentSchemas({
        Profile: { schema: ruleSet.profileSchema, io: "input" },
        Estimate: { schema: EstimateJson },
        Batch: { schema: BatchJson },
        BatchLine: { schema: BatchLineJson },
        Problem: { schema: ProblemJson },
        Program: { schema: ProgramJson },
        ProgramList: { schema: ProgramListJson },
        SweepSpec: { schema: SweepSpec, io: "input" },
        Sweep: { schema: SweepJson },
        Replay: { schema: ReplayJson },
        ReferenceTable: { schema: ReferenceTable },
        Laws: { schema: Laws },
        ExchangeRates: { schema: ExchangeRates },
      }),
    },
  };
}
