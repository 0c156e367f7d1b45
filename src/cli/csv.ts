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

/** Whether every quoted field of a record is closed: quotes come in pairs, a doubled one included. */
export function quotesClosed(record: string): boolean {
  let quotes = 0;
  for (let i = record.indexOf('"'); i >= 0; i = record.indexOf('"', i + 1)) quotes++;
  return quotes % 2 === 0;
}

export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
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
  return fields;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",");
}
