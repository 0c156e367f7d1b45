// POST /api/v1/estimate and /estimate/batch: translate HTTP to engine calls and back. The engine's
// profile errors become 422 problem documents naming every bad field.
import type { Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { Router, type NextFunction, type Request, type Response } from "express";
import { RuleEvaluationError } from "../engine/decision-table.js";
import { estimate, type EstimateOptions } from "../engine/estimate.js";
import { replay, SavedEstimate } from "../engine/replay.js";
import { sweep } from "../engine/sweep.js";
import { warningJsonValue } from "../engine/warning.js";
import { estimateJsonBytes } from "../engine/result-json.js";
import type { RuleSet } from "../engine/rule-set.js";
import { issuesOf } from "../profile/parse-profile.js";
import { issueUnder, ProfileError, type ProfileIssue } from "../profile/profile-error.js";
import { duplicateKeyProblem, fieldsDetail, invalidProfile, problem, ruleSetCannotAnswer, sendProblem, undecodableBody, type Problem } from "./problem.js";
import { readsQuery } from "./query-parameters.js";
import { duplicateKey } from "./duplicate-keys.js";
import { ndjsonLines } from "./ndjson-lines.js";
import { declaresUtf8, readJson } from "./read-json.js";

/** The most profiles a JSON batch may hold; NDJSON streams up to BATCH_STREAM_MAX lines. */
export const BATCH_MAX = 100;
export const BATCH_STREAM_MAX = 10_000;
/** Lines a stream may hold, blank ones included: room for a blank line after each profile. */
export const BATCH_STREAM_LINES_MAX = 2 * BATCH_STREAM_MAX;
/** Bytes a stream may hold, inflated: a profile is about a kilobyte, and this leaves six times that. */
export const BATCH_STREAM_BYTES_MAX = 64 * 1024 * 1024;
const LINE_MAX = 64 * 1024;

/** An answer to one profile of a batch; a streamed one names the client's line it answers. */
type Outcome = ({ index: number; status: 200; estimate: Buffer } | { index: number; status: number; problem: Problem }) & { line?: number };

/** Said outright: Express adds the charset to text it encodes itself, not to bytes. */
const JSON_UTF8 = "application/json; charset=utf-8";
const ESTIMATE_END = Buffer.from("}");
const BATCH_START = Buffer.from('{"results":[');
const BATCH_END = Buffer.from("]}");
const COMMA = Buffer.from(",");
const NEWLINE = Buffer.from("\n");

/** One batch answer as JSON: the estimate is written by the engine's writer, not re-serialised. */
function outcomeJson(o: Outcome): Buffer {
  if (!("estimate" in o)) return Buffer.from(JSON.stringify(o));
  const line = o.line === undefined ? "" : `"line":${o.line},`;
  return Buffer.concat([Buffer.from(`{"index":${o.index},${line}"status":200,"estimate":`), o.estimate, ESTIMATE_END]);
}

export function estimateRoutes(ruleSet: RuleSet, options: () => EstimateOptions): Router {
  const router = Router();
  const run = (input: unknown, explain: boolean) => {
    // A literal, not { ...options(), explain }: V8 copies a spread with an added property slowly.
    const { today, engineVersion } = options();
    return estimateJsonBytes(estimate(ruleSet, input, { today, engineVersion, explain }));
  };
  const outcome = (index: number, input: unknown, explain: boolean): Outcome => {
    try {
      return { index, status: 200, estimate: run(input, explain) };
    } catch (error) {
      // A rule set that cannot answer this profile (two rows of a unique table both match) is the
      // rules' fault, not the client's: a 500 that says what, not a bare "internal error".
      if (error instanceof RuleEvaluationError) return { index, status: 500, problem: ruleSetCannotAnswer(error) };
      if (!(error instanceof ProfileError)) throw error;
      return { index, status: 422, problem: invalidProfile(error.issues) };
    }
  };
  const explainOf = (req: Request) => req.query.explain !== "false";
  // Anything but true or false is refused before the body is read, not taken as true.
  const checkExplain = (req: Request, res: Response, next: NextFunction) => {
    const value = req.query.explain;
    if (value === undefined || value === "true" || value === "false") return next();
    sendProblem(res, problem(400, "invalid-parameter", "Invalid query parameter", "explain must be true or false", [{ path: "explain", message: "must be true or false" }]));
  };

  router.post("/estimate", readsQuery("explain"), checkExplain, ...readJson("64kb"), (req: Request, res: Response) => {
    const result = outcome(0, req.body, explainOf(req));
    if ("problem" in result) return sendProblem(res, result.problem);
    res.type(JSON_UTF8).send(result.estimate);
  });

  router.post("/sweep", readsQuery(), ...readJson("64kb"), (req: Request, res: Response) => {
    const body = req.body as { profile?: unknown; sweep?: unknown } | null;
    // Keys it does not read are named with the rest of what is wrong, not instead of it.
    const strays = strayKeys(body, ["profile", "sweep"]);
    try {
      const result = sweep(ruleSet, body?.profile, body?.sweep, options());
      if (strays.length) return sendProblem(res, invalidSweep(strays));
      res.json({ ...result, warnings: result.warnings.map(warningJsonValue) });
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      // The sweep's own errors are named under "sweep"; the profile's, and a point's, under "profile".
      const issues = error.issues.map((i) => (i.path === "sweep" || i.path.startsWith("sweep.") ? i : issueUnder("profile", i)));
      sendProblem(res, invalidSweep([...strays, ...issues]));
    }
  });

  router.post("/replay", readsQuery(), ...readJson("512kb"), (req: Request, res: Response) => {
    const body = req.body as { estimate?: unknown; profile?: unknown } | null;
    const saved = SavedEstimate.safeParse(body?.estimate);
    const strays = strayKeys(body, ["estimate", "profile"]);
    const notAReplay = (errors: readonly ProfileIssue[]) =>
      sendProblem(res, problem(422, "invalid-replay", "Not a replay request", "send { estimate: a saved estimate with its receipt, profile: the profile it answered }", errors));
    if (!saved.success || body?.profile === undefined || strays.length) {
      return notAReplay([
        ...strays,
        ...(saved.success ? [] : new ProfileError(issuesOf(SavedEstimate, body?.estimate)).under("estimate").issues),
        ...(body?.profile === undefined ? [{ path: "profile", message: "is required" }] : []),
      ]);
    }
    try {
      res.json(replay(ruleSet, saved.data, body.profile, options().engineVersion));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      // A receipt's date or rate that breaks the contract is the saved estimate's fault, not the profile's.
      if (error.issues.some((i) => i.path.startsWith("estimate."))) return notAReplay(error.issues);
      sendProblem(res, invalidProfile(error.issues));
    }
  });

  router.post("/estimate/batch", readsQuery("explain"), checkExplain, (req, res, next) => {
    if (req.is("application/x-ndjson")) return streamBatch(req, res, (i, input) => outcome(i, input, explainOf(req))).catch(next);
    next();
  });
  router.post("/estimate/batch", ...readJson("1mb"), (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (!Array.isArray(body)) return sendProblem(res, problem(422, "invalid-batch", "Not a batch", "send a JSON array of profiles"));
    if (body.length > BATCH_MAX) {
      return sendProblem(res, problem(413, "batch-too-large", "Batch too large", `a batch holds at most ${BATCH_MAX} profiles; stream more as application/x-ndjson`));
    }
    const explain = explainOf(req);
    const results = body.map((input, index) => outcomeJson(outcome(index, input, explain)));
    res.type(JSON_UTF8).send(Buffer.concat([BATCH_START, ...results.flatMap((r, i) => (i ? [COMMA, r] : [r])), BATCH_END]));
  });
  return router;
}

/**
 * A sweep request's problems: the profile's alone are an invalid profile, as the estimate's are; any
 * of the sweep's own, or of the request body's, make it an invalid sweep request, so that its title
 * does not blame a profile that may be sound.
 */
function invalidSweep(issues: readonly ProfileIssue[]): Problem {
  if (issues.every((i) => i.path === "profile" || i.path.startsWith("profile."))) return invalidProfile(issues);
  return problem(422, "invalid-sweep", "Not a valid sweep request", fieldsDetail(issues, "the request body"), issues);
}

/** A request body's keys beyond those its endpoint reads, each named as a profile's unknown field is. */
function strayKeys(body: unknown, known: readonly string[]): ProfileIssue[] {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return [{ path: "", message: `must be an object with ${known.join(" and ")}` }];
  return Object.keys(body).filter((key) => !known.includes(key)).map((key) => ({ path: key, message: "is not a field of this request" }));
}

/** One profile per line in, one result per line out, in order, in constant memory. */
async function streamBatch(req: Request, res: Response, answer: (index: number, input: unknown) => Outcome): Promise<void> {
  if (!declaresUtf8(req)) return sendProblem(res, problem(415, "unsupported-encoding", "Unsupported encoding", "send UTF-8 NDJSON"));
  const encoding = (req.get("content-encoding") ?? "identity").toLowerCase();
  const inflate = INFLATE.get(encoding);
  if (encoding !== "identity" && !inflate) {
    return sendProblem(res, problem(415, "unsupported-encoding", "Unsupported encoding", `send NDJSON as ${[...INFLATE.keys()].join(", ")} or identity, not ${encoding}`));
  }
  // Read without destroying on an early stop (the profile limit): the answer is still to be ended.
  const body = inflate ? inflated(req.pipe(inflate())) : (req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>);
  res.status(200).type("application/x-ndjson");
  let index = 0;
  const send = async (result: Outcome) => {
    if (!res.write(Buffer.concat([outcomeJson(result), NEWLINE]))) await new Promise((resolve) => res.once("drain", resolve));
    index++;
  };
  try {
    for await (const line of ndjsonLines(body, LINE_MAX, BATCH_STREAM_LINES_MAX, BATCH_STREAM_BYTES_MAX)) {
      const at = line.number;
      if (index >= BATCH_STREAM_MAX || "tooMany" in line) {
        const limits = `${BATCH_STREAM_MAX} profiles, in at most ${BATCH_STREAM_LINES_MAX} lines and ${BATCH_STREAM_BYTES_MAX / 1024 / 1024} MB`;
        await send({ index, line: at, status: 413, problem: problem(413, "batch-too-large", "Batch too large", `a stream holds at most ${limits}`) });
        break;
      }
      if ("tooLong" in line) {
        await send({ index, line: at, status: 413, problem: problem(413, "too-large", "Line too large", `line ${at} is over 64 kB`) });
        continue;
      }
      if ("notUtf8" in line) {
        await send({ index, line: at, status: 400, problem: problem(400, "malformed-json", "Malformed JSON", `line ${at} is not valid UTF-8`) });
        continue;
      }
      let input: unknown;
      try {
        input = JSON.parse(line.text);
      } catch {
        await send({ index, line: at, status: 400, problem: problem(400, "malformed-json", "Malformed JSON", `line ${at} is not valid JSON`) });
        continue;
      }
      const duplicate = duplicateKey(line.text);
      if (duplicate !== undefined) {
        await send({ index, line: at, status: 400, problem: duplicateKeyProblem(duplicate, at) });
        continue;
      }
      await send({ ...answer(index, input), line: at });
    }
  } catch (error) {
    if (!(error instanceof UndecodableBody)) throw error;
    await send({ index, status: 400, problem: undecodableBody(encoding, index > 0 ? "; the lines before this one were answered" : "") });
  }
  req.resume(); // whatever the client still sends is read and dropped
  res.end();
}

const INFLATE: ReadonlyMap<string, () => Transform> = new Map([
  ["gzip", () => createGunzip()],
  ["deflate", () => createInflate()],
  ["br", () => createBrotliDecompress()],
]);

class UndecodableBody extends Error {}

/** The body's bytes inflated; a body that is not what its encoding says ends in UndecodableBody. */
async function* inflated(stream: Transform): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
  } catch {
    throw new UndecodableBody();
  }
}
