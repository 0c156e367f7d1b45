// A citation as the pages show it: its text in the reader's language and the link to the official text.
import type { Citation } from "../engine/citation.js";
import type { Lang } from "./messages.js";

export function citeView(citation: Citation | undefined, lang: Lang): { text: string; url: string } | undefined {
  return citation && { text: citation.text[lang], url: citation.url };
}
