// Runs one of the project's commands (a TypeScript entry point under src/) as a child process, the
// way npm scripts do, and returns its exit code and output.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "../../src/load-rules.js";

const exec = promisify(execFile);

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCommand(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await exec(join(PROJECT_ROOT, "node_modules/.bin/tsx"), [script, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
