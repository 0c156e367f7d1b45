import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { apiErrors } from "../../src/api/api-errors.js";

/** An answer already under way, as a streamed batch's is when its body fails. */
function streamingResponse() {
  return { headersSent: true, destroy: vi.fn() } as unknown as Response & { destroy: ReturnType<typeof vi.fn> };
}

describe("an error after the answer has begun", () => {
  it.each([
    ["a failure of the server's", new Error("boom"), 1],
    // Node's error for a body the client cut off: the client went away, the server did nothing wrong.
    ["a client that went away", Object.assign(new Error("aborted"), { code: "ECONNRESET" }), 0],
  ])("closes the connection, and logs %s as often as it is the server's", (_, error, logged) => {
    const log = vi.fn();
    const next = vi.fn();
    const res = streamingResponse();
    apiErrors(log)(error, {} as Request, res, next as NextFunction);
    expect(res.destroy).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(logged);
    // Not handed on to Express's own handler, which prints a bare stack trace.
    expect(next).not.toHaveBeenCalled();
  });
});
