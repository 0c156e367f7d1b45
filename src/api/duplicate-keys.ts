// A key given twice in one JSON object. JSON.parse keeps the last and drops the first without a
// word, so {"amount": "-5", "amount": "30000000"} would be estimated as if the first were never
// sent, while a proxy or a log reading the first saw another request. The API refuses such a body,
// naming the key; this finds it, in one pass over the text and without building anything but the
// keys of the objects open at each point.

interface Frame {
  /** The keys seen so far in an object: a list while there are a handful (quicker than a set), then
   *  a set, so that an object of 100,000 keys costs in proportion to them; null for an array. */
  keys: string[] | Set<string> | null;
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
      // The closing quote found natively: strings are most of a body.
      let end = text.indexOf('"', i + 1);
      while (end > 0 && escapedAt(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) return undefined;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectsKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? unescaped(text.slice(i, end + 1)) : raw;
        if (key === undefined) return undefined;
        if (Array.isArray(top.keys)) {
          if (top.keys.includes(key)) return pathTo(stack, key);
          top.keys.push(key);
          if (top.keys.length > LIST_KEYS) top.keys = new Set(top.keys);
        } else {
          if (top.keys.has(key)) return pathTo(stack, key);
          top.keys.add(key);
        }
        top.at = key;
        top.expectsKey = false;
      }
      i = end;
    } else if (c === 0x7b) stack.push({ keys: [], at: "", expectsKey: true });
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

/** Keys an object keeps in a list before a set. */
const LIST_KEYS = 16;

/** The dotted path of a key in the innermost object open. */
function pathTo(stack: readonly Frame[], key: string): string {
  return [...stack.slice(0, -1).map((f) => f.at), key].join(".");
}

/** Whether the quote at `at` is escaped: an odd number of backslashes before it. */
function escapedAt(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/** A key written with escapes ("\u0061mount" is "amount"), as JSON.parse reads it. */
function unescaped(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
