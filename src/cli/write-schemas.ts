// npm run schema — regenerates rules/schema/*.json after a change to the rule-file schemas.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT } from "../load-rules.js";
import { jsonSchemaText, SCHEMA_FILES } from "../rules/json-schemas.js";

for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
  await writeFile(join(PROJECT_ROOT, "rules", "schema", name), jsonSchemaText(schema));
  console.log(`wrote rules/schema/${name}`);
}
