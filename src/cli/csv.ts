// CSV in and out (RFC 4180 quoting: a quoted field may hold commas, doubled quotes and line breaks).

/**
 * Records from a file's lines: a line that leaves a quoted field open continues on the next one,
 * joined with a line break. At the end of the file an open quote ends the record as it stands,
 * which quotesClosed then tells apart.
 */
export async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let record: string | undefined;
  for await (const line of lines) {
    record = record === undefined ? line : `${record}\n${line}`;
    if (quotesClosed(record)) {
      yield record;
      record = undefined;
    }
  }
  if (record !== undefined) yield record;
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
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i]!;
    if (quoted) {
      if (ch === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return { fields, open: quoted };
}

export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",");
}
