// The lines of an NDJSON body, read as bytes arrive, so that a stream of any length is answered in
// constant memory: a line over the limit is never held whole (readline would collect it all, and a
// single line of a few hundred megabytes took the process down), only counted and then skipped.

import { isUtf8 } from "node:buffer";

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BYTE_ORDER_MARK = "\ufeff";

/** A line, numbered from 1 as the client counts its lines (blank ones included), or one over the limit. */
export type NdjsonLine =
  | { readonly number: number; readonly text: string }
  | { readonly number: number; readonly tooLong: true }
  | { readonly number: number; readonly notUtf8: true }
  /** The first line past maxLines, blank or not, or the line the body passes maxTotalBytes in: the last the body yields. */
  | { readonly number: number; readonly tooMany: true };

/**
 * Blank lines are skipped; a byte-order mark before the first line is dropped, as RFC 8259 allows.
 * Blank lines count towards maxLines, and every byte towards maxTotalBytes: a few kilobytes of gzip
 * inflate to millions of blank lines, or to a gigabyte of one overlong line, and reading them all
 * would hold a worker for seconds while answering nothing.
 */
export async function* ndjsonLines(body: AsyncIterable<Buffer>, maxBytes: number, maxLines = Infinity, maxTotalBytes = Infinity): AsyncGenerator<NdjsonLine> {
  let total = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const finish = (): NdjsonLine | undefined => {
    number++;
    const line: NdjsonLine | undefined = tooLong ? { number, tooLong } : text(Buffer.concat(parts, size), number);
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxTotalBytes) {
      yield { number: number + 1, tooMany: true };
      return;
    }
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, end < 0 ? chunk.length : end);
      if (!tooLong) {
        size += piece.length;
        if (size > maxBytes) tooLong = true;
        else parts.push(piece);
      }
      if (end < 0) break;
      const line = finish();
      if (number > maxLines) {
        yield { number, tooMany: true };
        return;
      }
      if (line) yield line;
      start = end + 1;
    }
  }
  if (size > 0 || tooLong) {
    const line = finish();
    if (number > maxLines) yield { number, tooMany: true };
    else if (line) yield line;
  }
}

/** The line as text, without a trailing carriage return; undefined when blank. */
function text(bytes: Buffer, number: number): NdjsonLine | undefined {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  // Decoding would turn bytes that are not UTF-8 into U+FFFD silently: the line is refused instead.
  if (!isUtf8(bytes)) return { number, notUtf8: true };
  let line = bytes.toString("utf8", 0, end);
  if (number === 1 && line.startsWith(BYTE_ORDER_MARK)) line = line.slice(1);
  return line.trim() === "" ? undefined : { number, text: line };
}
