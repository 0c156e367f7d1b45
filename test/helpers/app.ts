// The real application, in-process, over the real rule files, with today pinned.
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/load-rules.js";
import { createApp } from "../../src/web/app.js";
import { loadViews } from "../../src/web/view-engine.js";
import { ENGINE, TODAY, fixtureProgramFiles, realProgramFiles, ruleSetWith } from "./rule-files.js";

export const realRules = ruleSetWith(...realProgramFiles());
export const fixtureRules = ruleSetWith(...realProgramFiles(), ...fixtureProgramFiles());

export const views = await loadViews(join(PROJECT_ROOT, "views"));

export function testApp(ruleSet = realRules) {
  return createApp({ ruleSet, engineVersion: ENGINE, views, today: () => TODAY, logError: () => {} });
}
