// What the commands print for a person reads text from the files they are given (a key, a saved
// estimate's ids, a JSON parser's quote of a bad byte). A control character in it would be run by
// the terminal (an escape sequence can retitle the window, recolour or hide text): each is shown
// as its code instead, as \x1b. Line breaks and tabs are kept. Data written for programs (JSON,
// CSV) is not passed through here: JSON escapes these itself.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

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
