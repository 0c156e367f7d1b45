// The API's last line of defence: known body-parser failures become their problem documents, a
// wrong method a 405 with Allow, and anything else a 500 that says nothing about the internals.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { duplicateKeyProblem, problem, sendProblem, undecodableBody } from "./problem.js";

export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  return (req, res) => {
    res.setHeader("Allow", allowed.join(", "));
    sendProblem(res, problem(405, "method-not-allowed", "Method not allowed", `${req.method} is not allowed here; use ${allowed.join(" or ")}`));
  };
}

export const notFound: RequestHandler = (req, res) =>
  sendProblem(res, problem(404, "not-found", "Not found", `nothing at ${req.method} ${req.originalUrl.split("?")[0]}`));

export function apiErrors(log: (error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) {
      // Part of the answer is out (a stream): it cannot become a problem document, so the connection
      // is closed, which tells the client it broke off. A client that went away mid-stream is no
      // server fault; anything else is logged as the server's, not left to Express's stack print.
      if (!clientWentAway(error)) log(error);
      res.destroy();
      return;
    }
    const type = (error as { type?: unknown }).type;
    switch (type) {
      case "entity.parse.failed":
        return sendProblem(res, problem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON"));
      case "json.duplicate-key":
        return sendProblem(res, duplicateKeyProblem(String((error as { path?: unknown }).path)));
      case "entity.too.large":
        return sendProblem(res, problem(413, "too-large", "Body too large", "the body is over the size limit"));
      case "charset.unsupported":
        return sendProblem(res, problem(415, "unsupported-encoding", "Unsupported encoding", "send UTF-8 JSON"));
      case "charset.invalid":
        return sendProblem(res, problem(415, "unsupported-encoding", "Unsupported encoding", "the body is not valid UTF-8: send UTF-8 JSON"));
      case "encoding.unsupported":
        // body-parser inflates these three (as the NDJSON batch does): name them, not the charset.
        return sendProblem(res, problem(415, "unsupported-encoding", "Unsupported encoding", "send the body as gzip, deflate, br or identity"));
      default: {
        // zlib's and brotli's own codes for bytes that are not what Content-Encoding says they are.
        if (isUndecodable(error)) {
          return sendProblem(res, undecodableBody(req.get("content-encoding") ?? "compressed data"));
        }
        const status = (error as { status?: unknown }).status;
        if (typeof status === "number" && status >= 400 && status < 500) {
          return sendProblem(res, problem(status, "bad-request", "Bad request", "the request could not be read"));
        }
        log(error);
        sendProblem(res, problem(500, "internal", "Internal error", "the server failed on this request; it has been logged"));
      }
    }
  };
}

/** Node's error for a request body cut off by the client ("aborted", ECONNRESET). */
function clientWentAway(error: unknown): boolean {
  return (error as { code?: unknown }).code === "ECONNRESET";
}

/** An inflating error: gzip's and deflate's Z_DATA_ERROR and kin, brotli's ERR__ERROR_FORMAT_…. */
function isUndecodable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("Z_") || code.startsWith("ERR__ERROR_FORMAT"));
}
