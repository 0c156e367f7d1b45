// What the commands print for a person reads text from the files they are given (a key, a saved
// estimate's ids, a JSON parser's quote of a bad byte). A control character in it would be run by
// the terminal (an escape sequence can retitle the window, recolour or hide text): each is shown
// as its code instead, as \x1b. Line breaks and tabs are kept. JSON escapes the C0 controls itself
// but writes DEL and the C1 controls (U+009B is an escape sequence's start) as they are: terminalJson
// escapes those too, as JSON allows. CSV is data for a spreadsheet, and is left as it is.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LEFT_BY_JSON = /[\u007F-\u009F]/g;

export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** A message for a person, on standard error. */
export function sayError(text: string): void {
  console.error(terminalText(text));
}

/** A report for a person, on standard output. */
export function sayOut(text: string): void {
  console.log(terminalText(text));
}

/** JSON for standard output, indented, with the controls JSON.stringify leaves written as \u escapes. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(LEFT_BY_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
