import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/load-rules.js";
import { runCommand } from "../helpers/run-command.js";

const audit = (args: string[], env: Record<string, string> = {}) => runCommand("src/cli/audit-rules.ts", args, env);

describe("npm run audit:rules", () => {
  it("passes the real rule pack, reporting coverage", async () => {
    const { code, stdout } = await audit([]);
    expect(code).toBe(0);
    expect(stdout).toContain("No errors.");
    expect(stdout).toMatch(/Coverage: (\d+) of \1 clauses seen both holding and failing/);
  });

  it("gives the report as JSON with --json, as of a date with --as-of", async () => {
    const { code, stdout } = await audit(["--json", "--as-of", "2016-07-27"]);
    const report = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(report).toMatchObject({ asOf: "2016-07-27", errorCount: 0, programs: 10 });
  });

  it("exits 1 and lists load errors as file:line:col when a rule file is broken", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "fdi-")), "rules");
    cpSync(join(PROJECT_ROOT, "rules"), dir, { recursive: true });
    writeFileSync(join(dir, "kr", "broken.yaml"), "id: broken\ntitle: [\n");
    const { code, stderr } = await audit([], { RULES_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^rules\/kr\/broken\.yaml:\d+:\d+: YAML: /m);
  });

  it.each([["ten"], ["99999999999999999999"], ["=-5"], ["1e3"], ["0x10"], ["="], [" 7 "]])("exits 2 on --stale-days %s, with the range it takes", async (days) => {
    const { code, stderr } = await audit(days.startsWith("=") ? [`--stale-days${days}`] : ["--stale-days", days]);
    expect(code).toBe(2);
    expect(stderr).toContain("--stale-days must be a whole number of days from 0 to 36500");
  });

  it.each([["soon"], ["2026-02-30"], ["2026-13-01"]])("exits 2 on --as-of %s, not a real date", async (date) => {
    const { code, stderr } = await audit(["--as-of", date]);
    expect(code).toBe(2);
    expect(stderr).toContain("--as-of must be a date written YYYY-MM-DD");
  });

  it("says until when the default exchange rates serve", async () => {
    const { stdout } = await audit([]);
    expect(stdout).toContain("Default exchange rates: 1998-01 to 2026-06, usable until 2026-12-31.");
  });
});
