// Versions of a program must follow each other day by day: an overlap would make two texts apply at
// once, a gap would leave a date with no answer. A gap is allowed only when declared as one.
import type { VersionFile } from "../rules/program-schema.js";
import { addDays } from "./dates.js";
import type { ProgramProblem } from "./compile-program.js";

export function checkVersions(versions: readonly VersionFile[]): ProgramProblem[] {
  const problems: ProgramProblem[] = [];
  versions.forEach((version, i) => {
    const at = ["versions", i];
    if (version.to !== undefined && version.to < version.from) {
      problems.push({ path: [...at, "to"], message: `the version ends (${version.to}) before it starts (${version.from})` });
    }
    if ((version.gap || version.unmodelled) && version.to === undefined) {
      problems.push({ path: at, message: "a declared gap or unmodelled period needs an end date 'to'" });
    }
    if (version.ended && i !== versions.length - 1) {
      problems.push({ path: [...at, "ended"], message: "only the last version can say why the program ended" });
    }
    if (version.ended && version.to === undefined) {
      problems.push({ path: [...at, "ended"], message: "'ended' explains an end: give the last day in force as 'to'" });
    }
    const previous = versions[i - 1];
    if (!previous) return;
    if (previous.to === undefined) {
      problems.push({ path: [...at, "from"], message: `overlaps the version from ${previous.from}, which has no end date` });
      return;
    }
    const expected = addDays(previous.to, 1);
    if (version.from < expected) {
      problems.push({ path: [...at, "from"], message: `overlaps the version from ${previous.from} to ${previous.to}` });
    } else if (version.from > expected) {
      problems.push({ path: [...at, "from"], message: `leaves ${expected} to ${addDays(version.from, -1)} uncovered after the version ending ${previous.to}; declare a gap version if the program lapsed` });
    }
  });
  return problems;
}
