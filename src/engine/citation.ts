// Citations as rule files write them ("fipa-decree 25(1)2", or a web page) resolved against the laws
// catalogue into display text and a link to the official text on law.go.kr.
import type { CitationFile, LocalizedText } from "../rules/program-schema.js";
import type { LawsFile } from "../rules/reference-schema.js";

export interface Citation {
  readonly text: LocalizedText;
  readonly url: string;
  /** Statute citations only: the law's id and the article as written ("25(1)2"). */
  readonly law?: string;
  readonly article?: string;
}

// law article[-branch][(paragraph)][item[의sub]][letter]: "rsta 121-2(1)2의2", "fipa 2(1)4가"
const PATTERN = /^([a-z][a-z0-9-]*) (\d+)(?:-(\d+))?(?:\((\d+)\))?(?:(\d+)(?:의(\d+))?)?([가나다라마바사아자차카타파하]?)$/;

/** Korean sub-item letters in order; English texts write them (a), (b), … */
const ITEM_LETTERS = "가나다라마바사아자차카타파하";

/** The citation, or the reason it cannot be resolved. */
export function resolveCitation(cite: CitationFile, laws: LawsFile["laws"]): Citation | string {
  if (typeof cite !== "string") return { text: { en: cite.title, ko: cite.title_ko ?? cite.title }, url: cite.page };
  const match = PATTERN.exec(cite);
  if (!match) return `'${cite}' does not read like 'fipa-decree 25(1)2'`;
  const [, lawId = "", article = "", branch, paragraph, item, itemBranch, letter = ""] = match;
  const law = laws[lawId];
  if (!law) return `unknown law '${lawId}'; laws are listed in rules/reference/laws.yaml (${Object.keys(laws).join(", ")})`;
  const articleKo = `제${article}조${branch ? `의${branch}` : ""}`;
  const ko = [
    articleKo,
    paragraph ? `제${paragraph}항` : "",
    item ? `제${item}호${itemBranch ? `의${itemBranch}` : ""}` : "",
    letter ? `${letter}목` : "",
  ].join("");
  const enLetter = letter ? `(${String.fromCharCode(97 + ITEM_LETTERS.indexOf(letter))})` : "";
  const en = `Art. ${article}${branch ? `-${branch}` : ""}${paragraph ? `(${paragraph})` : ""}${item ?? ""}${itemBranch ? `-${itemBranch}` : ""}${enLetter}`;
  return {
    // Korean writes a law's title in 「」, as the statutes cite one another.
    text: { en: `${law.title.en} ${en}`, ko: `「${law.title.ko}」 ${ko}` },
    url: `${law.url}/${articleKo}`,
    law: lawId,
    article: cite.slice(lawId.length + 1),
  };
}
