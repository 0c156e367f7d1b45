// A key given twice in one JSON object. JSON.parse keeps the last and drops the first without a
// word, so {"amount": "-5", "amount": "30000000"} would be estimated as if the first were never
// sent, while a proxy or a log reading the first saw another request. The API refuses such a body,
// naming the key; this finds it, in one pass over the text and without building anything but the
// keys of the objects open at each point.

interface Frame {
  /** The keys seen so far in an object; null for an array. */
  readonly keys: Set<string> | null;
  /** An object's key whose value comes next, or the last key read; an array's index. */
  at: string;
  expectsKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The path of the first key an object of `text` gives twice ("investment.amount", "0.site.zone" in
 * an array), or undefined when none is. Text that is not well-formed JSON gives undefined: the
 * parser says what is wrong with it.
 */
export function duplicateKey(text: string): string | undefined {
  const stack: Frame[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = i + 1;
      let escaped = false;
      while (end < n) {
        const d = text.charCodeAt(end);
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          escaped = true;
          end++;
        }
        end++;
      }
      if (end >= n) return undefined;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectsKey) {
        const key = escaped ? unescaped(text.slice(i, end + 1)) : text.slice(i + 1, end);
        if (key === undefined) return undefined;
        if (top.keys.has(key)) return [...stack.slice(0, -1).map((f) => f.at), key].join(".");
        top.keys.add(key);
        top.at = key;
        top.expectsKey = false;
      }
      i = end;
    } else if (c === 0x7b) stack.push({ keys: new Set(), at: "", expectsKey: true });
    else if (c === 0x5b) stack.push({ keys: null, at: "0", expectsKey: false });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectsKey = true;
      else if (top) top.at = String(Number(top.at) + 1);
    }
  }
  return undefined;
}

/** A key written with escapes ("\u0061mount" is "amount"), as JSON.parse reads it. */
function unescaped(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
