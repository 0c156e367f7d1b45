// A JSON document's bytes as every face reads them: UTF-8 (bytes that are not would be decoded to
// U+FFFD unseen), a byte-order mark allowed before it (RFC 8259), parsed, each key given once. What
// is wrong is named by the error type api-errors.ts turns into a problem document.
import { isUtf8 } from "node:buffer";
import { duplicateKey } from "./duplicate-keys.js";

export type JsonRead =
  | { readonly value: unknown }
  | { readonly error: "charset.invalid" }
  | { readonly error: "entity.parse.failed"; readonly reason: string }
  | { readonly error: "json.duplicate-key"; readonly path: string };

export function readJsonBytes(bytes: Buffer): JsonRead {
  if (!isUtf8(bytes)) return { error: "charset.invalid" };
  const decoded = bytes.toString("utf8");
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: "entity.parse.failed", reason: (error as Error).message };
  }
  const path = duplicateKey(text);
  return path === undefined ? { value } : { error: "json.duplicate-key", path };
}
