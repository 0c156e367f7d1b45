// Request bodies: JSON only, within a size limit. A wrong content type is a 415, an empty body a
// 400, a body over the limit a 413, malformed JSON a 400 — each a problem document.
import { json, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { problem, sendProblem } from "./problem.js";

const JSON_TYPES = ["application/json", "application/*+json"];

export function readJson(limit: string): RequestHandler[] {
  return [
    (req: Request, res: Response, next: NextFunction) => {
      const empty = !req.get("transfer-encoding") && Number(req.get("content-length") ?? 0) === 0;
      if (empty) return sendProblem(res, problem(400, "empty-body", "Empty body", "send the profile as a JSON body"));
      if (req.is(JSON_TYPES)) return next();
      sendProblem(res, problem(415, "unsupported-media-type", "Unsupported media type", `send application/json, not ${req.get("content-type")}`));
    },
    json({ limit, strict: false, type: JSON_TYPES }),
  ];
}
