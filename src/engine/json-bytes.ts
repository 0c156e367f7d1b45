// A JSON document written straight into UTF-8 bytes, for responses written often and mostly made of
// text that never changes (the rule set's Korean and English): such text is encoded once by the
// caller and copied in as bytes; only the figures are encoded per document. Encoding a two-byte
// string of 50 kB on every response, as sending a joined string does, costs more than the
// evaluation itself.
//
// One scratch buffer serves every document (writing is synchronous, so documents never interleave);
// done() copies a small finished document out of it, and hands a large one out in it.

let scratch = Buffer.allocUnsafe(64 * 1024);

/** Below this length a string is copied byte by byte when ASCII: cheaper than a call into the encoder. */
const SHORT = 64;
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const COMMA = 0x2c;
const QUOTE = 0x22;
const COLON = 0x3a;

export class JsonBytes {
  private buf = scratch;
  private at = 0;
  private first = true;

  /** Bytes already encoded: a cached fragment of JSON. */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** JSON text, encoded as UTF-8. */
  text(json: string): void {
    const length = json.length;
    this.reserve(length * 3);
    const buf = this.buf;
    let at = this.at;
    if (length < SHORT) {
      for (let i = 0; i < length; i++) {
        const c = json.charCodeAt(i);
        if (c >= 0x80) {
          this.at += buf.write(json, this.at);
          return;
        }
        buf[at++] = c;
      }
      this.at = at;
      return;
    }
    this.at += buf.write(json, at);
  }

  open(bracket: "{" | "["): void {
    this.byte(bracket === "{" ? OPEN_BRACE : OPEN_BRACKET);
    this.first = true;
  }

  close(bracket: "}" | "]"): void {
    this.byte(bracket === "}" ? CLOSE_BRACE : CLOSE_BRACKET);
    this.first = false;
  }

  /** Cached bytes that open an object and write its first members: what follows is another member. */
  resume(opening: Uint8Array): void {
    this.bytes(opening);
    this.first = false;
  }

  /** Starts a member ("key": …) or, with no key, an element of an array. Keys are ASCII names. */
  next(key?: string): void {
    if (!this.first) this.byte(COMMA);
    this.first = false;
    if (key === undefined) return;
    this.reserve(key.length + 3);
    const buf = this.buf;
    let at = this.at;
    buf[at++] = QUOTE;
    for (let i = 0; i < key.length; i++) buf[at++] = key.charCodeAt(i);
    buf[at++] = QUOTE;
    buf[at++] = COLON;
    this.at = at;
  }

  /** A member written from JSON text or bytes; nothing if undefined. */
  member(key: string, json: string | Uint8Array | undefined): void {
    if (json === undefined) return;
    this.next(key);
    this.value(json);
  }

  value(json: string | Uint8Array): void {
    if (typeof json === "string") this.text(json);
    else this.bytes(json);
  }

  list<T>(key: string | undefined, items: readonly T[], write: (item: T) => void): void {
    this.next(key);
    this.open("[");
    for (const item of items) {
      this.next();
      write(item);
      this.first = false;
    }
    this.close("]");
  }

  /**
   * The document. One that fills at least a quarter of the scratch buffer is handed out in it, and
   * the next document is written into a fresh one: copying an explained estimate (60 kB) out cost a
   * quarter of writing it. A smaller one is copied out, so that it does not hold a mostly empty
   * buffer while it is sent.
   */
  done(): Buffer {
    const length = this.at;
    this.at = 0;
    if (length * 4 >= this.buf.length) {
      const out = this.buf.subarray(0, length);
      scratch = Buffer.allocUnsafe(this.buf.length);
      return out;
    }
    const out = Buffer.allocUnsafe(length);
    this.buf.copy(out, 0, 0, length);
    return out;
  }

  private byte(value: number): void {
    this.reserve(1);
    this.buf[this.at++] = value;
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
    scratch = bigger;
  }
}

const encoded = new WeakMap<object, Buffer>();

/** The JSON of a value that lives as long as the loaded rule set (a label, a citation), encoded once. */
export function fixedJson(value: object): Buffer {
  return derivedJson(value, JSON.stringify);
}

/** The same for JSON derived from such a value by `write`. */
export function derivedJson<T extends object>(value: T, write: (value: T) => string): Buffer {
  let bytes = encoded.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(write(value));
    encoded.set(value, bytes);
  }
  return bytes;
}
