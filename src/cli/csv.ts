// CSV in and out (RFC 4180 quoting: a quoted field may hold commas, doubled quotes and line breaks).

/** The most lines one record may run over (a quoted cell with line breaks): a profile's cells are
 *  codes, figures and a rate's source. */
export const RECORD_LINES_MAX = 20;

/**
 * Records from a file's lines: a line that leaves a quoted field open continues on the next one,
 * joined with a line break. Each line is scanned once, from the quote state the lines before it left.
 * A quote left open by mistake (`"manu,`) must not swallow the rows after it: when a record would
 * run over more than RECORD_LINES_MAX lines, or the file ends inside it, or a later line closes the
 * quote where no cell ends (`,"Seoul, basic"` closes it before `Seoul`: that quote opened a cell of
 * its own row), its first line is a record of its own (which quotesClosed then tells apart, and the
 * batch refuses), and the lines after it are read again as records of their own.
 */
export async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<string> {
  const reader = new RecordReader();
  for await (const line of lines) yield* reader.take(line);
  yield* reader.end();
}

class RecordReader {
  /** The lines of a record whose quote is still open. */
  #open: string[] = [];

  *take(line: string): Generator<string> {
    this.#open.push(line);
    const continues = this.#open.length > 1;
    const { open, strayQuote } = scanFrom(line, continues);
    if (this.#open.length > RECORD_LINES_MAX || (continues && strayQuote)) yield* this.#unwind();
    else if (!open) {
      yield this.#open.join("\n");
      this.#open = [];
    }
  }

  *end(): Generator<string> {
    while (this.#open.length > 0) yield* this.#unwind();
  }

  /** The open record's first line alone, and the lines after it read again. */
  *#unwind(): Generator<string> {
    const [first, ...rest] = this.#open;
    this.#open = [];
    yield first!;
    for (const line of rest) yield* this.take(line);
  }
}

export function parseCsvLine(line: string): string[] {
  return scan(line).fields;
}

/** Whether a record ends outside any quoted field (a quote inside an unquoted field is a character). */
export function quotesClosed(record: string): boolean {
  return !scan(record).open;
}

/** The one reading of a record both of the above share: its fields, and whether a quote is left open. */
function scan(record: string): { fields: string[]; open: boolean } {
  return scanFrom(record, false);
}

/**
 * A record's text read from inside a quoted field (a line that continues one) or from its start;
 * strayQuote when a quoted field closes with more of the cell after it (`"a"b`), which a well-formed
 * cell never does and a quote closed in the wrong row does.
 */
function scanFrom(record: string, inQuotes: boolean): { fields: string[]; open: boolean; strayQuote: boolean } {
  const fields: string[] = [];
  let field = "";
  let quoted = inQuotes;
  let strayQuote = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i]!;
    if (quoted) {
      if (ch === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        if (i + 1 < record.length && record[i + 1] !== ",") strayQuote = true;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return { fields, open: quoted, strayQuote };
}

/**
 * A CSV line. A cell a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a
 * carriage return: a rate's source or a field name the profile gave, echoed back) is written with
 * an apostrophe before it, which spreadsheets show as text; no figure this writes starts so.
 */
export function csvLine(fields: readonly string[]): string {
  return fields
    .map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f))
    .map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f))
    .join(",");
}
