import { describe, expect, it } from "vitest";
import { ndjsonLines, type NdjsonLine } from "../../src/api/ndjson-lines.js";

async function linesOf(chunks: readonly string[], maxBytes = 8): Promise<NdjsonLine[]> {
  async function* body() {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const out: NdjsonLine[] = [];
  for await (const line of ndjsonLines(body(), maxBytes)) out.push(line);
  return out;
}

describe("ndjsonLines", () => {
  it.each([
    ["one chunk", ["a\nbb\n"], [{ number: 1, text: "a" }, { number: 2, text: "bb" }]],
    ["a line across chunks", ["a", "b", "c\nd"], [{ number: 1, text: "abc" }, { number: 2, text: "d" }]],
    ["no newline at the end", ["x"], [{ number: 1, text: "x" }]],
    ["blank lines skipped but counted", ["a\n\n  \nb\n"], [{ number: 1, text: "a" }, { number: 4, text: "b" }]],
    ["CRLF line ends", ["a\r\nb\r\n"], [{ number: 1, text: "a" }, { number: 2, text: "b" }]],
    ["a byte-order mark before the first line", ["\ufeffa\n\ufeffb"], [{ number: 1, text: "a" }, { number: 2, text: "\ufeffb" }]],
    ["a line of exactly the limit", ["12345678\n"], [{ number: 1, text: "12345678" }]],
    ["a line one byte over", ["123456789\nok"], [{ number: 1, tooLong: true }, { number: 2, text: "ok" }]],
    ["an overlong line over many chunks", ["ab", "cdefgh", "ijk", "lmn\nok\n"], [{ number: 1, tooLong: true }, { number: 2, text: "ok" }]],
    ["an overlong last line", ["ok\n", "123456789"], [{ number: 1, text: "ok" }, { number: 2, tooLong: true }]],
  ])("reads %s", async (_what, chunks, expected) => {
    expect(await linesOf(chunks)).toEqual(expected);
  });

  it.each([
    ["blank lines past the limit", ["a\n\n\n\nb\n"], [{ number: 1, text: "a" }, { number: 4, tooMany: true }]],
    ["a last line past the limit, without a newline", ["a\nb\nc\nd"], [{ number: 1, text: "a" }, { number: 2, text: "b" }, { number: 3, text: "c" }, { number: 4, tooMany: true }]],
    ["exactly the limit", ["a\nb\n\n"], [{ number: 1, text: "a" }, { number: 2, text: "b" }]],
  ])("stops at the line after maxLines (3): %s", async (_what, chunks, expected) => {
    async function* body() {
      for (const chunk of chunks) yield Buffer.from(chunk);
    }
    const out: NdjsonLine[] = [];
    for await (const line of ndjsonLines(body(), 8, 3)) out.push(line);
    expect(out).toEqual(expected);
  });

  it("stops at the chunk that passes maxTotalBytes, naming the line it is in", async () => {
    async function* body() {
      yield Buffer.from("a\nbb");
      yield Buffer.from("cc\nd\n");
    }
    const out: NdjsonLine[] = [];
    for await (const line of ndjsonLines(body(), 8, Infinity, 6)) out.push(line);
    expect(out).toEqual([{ number: 1, text: "a" }, { number: 2, tooMany: true }]);
  });

  it("joins a UTF-8 character split between two chunks", async () => {
    const bytes = Buffer.from("é\n");
    async function* body() {
      yield bytes.subarray(0, 1);
      yield bytes.subarray(1);
    }
    const out: NdjsonLine[] = [];
    for await (const line of ndjsonLines(body(), 8)) out.push(line);
    expect(out).toEqual([{ number: 1, text: "é" }]);
  });

  it("counts the limit in bytes, not characters", async () => {
    expect(await linesOf(["éééé\néééé\u00e9\n"])).toEqual([{ number: 1, text: "éééé" }, { number: 2, tooLong: true }]);
  });
});
