// The process: load and compile the rule set once (refusing to start on any problem), then serve.
import { ENGINE_VERSION, loadRules } from "./load-rules.js";
import { RuleSetError } from "./rules/rule-set-error.js";
import { createApp } from "./web/app.js";

const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);

try {
  const ruleSet = await loadRules();
  createApp({ ruleSet, engineVersion: ENGINE_VERSION }).listen(port, host, () => {
    console.log(`fdi-incentives ${ENGINE_VERSION} serving http://${host}:${port} (rules ${ruleSet.hash.slice(0, 12)})`);
  });
} catch (error) {
  if (!(error instanceof RuleSetError)) throw error;
  console.error(error.message);
  process.exit(1);
}
