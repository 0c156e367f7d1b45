// The real application, in-process, over the real rule files, with today pinned.
import { createApp } from "../../src/web/app.js";
import { ENGINE, TODAY, fixtureProgramFiles, realProgramFiles, ruleSetWith } from "./rule-files.js";

export const realRules = ruleSetWith(...realProgramFiles());
export const fixtureRules = ruleSetWith(...realProgramFiles(), ...fixtureProgramFiles());

export function testApp(ruleSet = realRules) {
  return createApp({ ruleSet, engineVersion: ENGINE, today: () => TODAY, logError: () => {} });
}
