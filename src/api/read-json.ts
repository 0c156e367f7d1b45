// Request bodies: JSON only, within a size limit. A wrong content type or bytes that are not UTF-8
// are a 415, an empty body a 400, a body over the limit a 413, malformed JSON a 400 — each a problem
// document.
//
// Plain UTF-8 bodies, nearly all of them, are read here directly: body-parser's general machinery
// (charset decoding streams, inflation) cost as much per estimate as evaluating it. A compressed
// body goes to body-parser, which inflates it; any charset but UTF-8 is refused.
import { isUtf8 } from "node:buffer";
import { json, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { duplicateKey } from "./duplicate-keys.js";
import { readJsonBytes } from "./json-bytes-read.js";
import { problem, sendProblem } from "./problem.js";

const JSON_TYPES = ["application/json", "application/*+json"];
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** The body-parser error types api-errors.ts turns into problem documents. */
class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    /** For a key given twice: where. */
    readonly path?: string,
  ) {
    super(type);
  }
}

export function readJson(limit: string): RequestHandler[] {
  const maxBytes = bytesOf(limit);
  const inflating = json({
    limit,
    strict: false,
    type: JSON_TYPES,
    // Runs on the inflated text before it is parsed: text that is not JSON passes here, to be refused as such.
    verify: (_req, _res, body) => {
      if (!isUtf8(body)) throw new BodyError(415, "charset.invalid");
      const path = duplicateKey(body.toString("utf8"));
      if (path !== undefined) throw new BodyError(400, "json.duplicate-key", path);
    },
  });
  return [
    (req: Request, res: Response, next: NextFunction) => {
      const empty = !req.get("transfer-encoding") && Number(req.get("content-length") ?? 0) === 0;
      if (empty) return sendProblem(res, problem(400, "empty-body", "Empty body", "send the request as a JSON body"));
      if (req.is(JSON_TYPES)) return next();
      // The batch endpoint also streams NDJSON: a client sending something like it is told its name.
      const ndjson = req.path.endsWith("/batch") ? " (or application/x-ndjson, one profile a line)" : "";
      sendProblem(res, problem(415, "unsupported-media-type", "Unsupported media type", `send application/json${ndjson}, not ${req.get("content-type") || "a body without a content type"}`));
    },
    (req: Request, res: Response, next: NextFunction) => {
      // UTF-8 whether compressed or not: the duplicate-key scan reads the text as UTF-8, as the API says.
      if (!declaresUtf8(req)) return next(new BodyError(415, "charset.unsupported"));
      const encoding = req.get("content-encoding");
      if (encoding !== undefined && encoding.toLowerCase() !== "identity") return inflating(req, res, next);
      if (Number(req.get("content-length") ?? 0) > maxBytes) return next(new BodyError(413, "entity.too.large"));
      readBody(req, maxBytes, next);
    },
  ];
}

/** Whether the body says it is UTF-8, as it does when its content type names no other charset. */
export function declaresUtf8(req: Request): boolean {
  const charset = CHARSET.exec(req.get("content-type") ?? "")?.[1]?.toLowerCase();
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

/** Collects the body, parses it and moves on; over the limit, the rest is read and dropped. */
function readBody(req: Request, maxBytes: number, next: NextFunction): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (error?: BodyError) => {
    if (finished) return;
    finished = true;
    next(error);
  };
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  });
  req.on("error", () => finish(new BodyError(400, "request.aborted")));
  req.on("end", () => {
    if (size > maxBytes) return finish(new BodyError(413, "entity.too.large"));
    const read = readJsonBytes(Buffer.concat(chunks, size));
    if ("value" in read) {
      req.body = read.value;
      return finish();
    }
    finish(new BodyError(read.error === "charset.invalid" ? 415 : 400, read.error, "path" in read ? read.path : undefined));
  });
}

/** "64kb", "1mb" → bytes, as body-parser reads its limit. */
function bytesOf(limit: string): number {
  const match = /^(\d+)(kb|mb)$/.exec(limit);
  if (!match) throw new RangeError(`limit ${limit}: write it as 64kb or 1mb`);
  return Number(match[1]) * (match[2] === "kb" ? 1024 : 1024 * 1024);
}
