import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/load-rules.js";
import { jsonSchemaText, SCHEMA_FILES } from "../../src/rules/json-schemas.js";

describe("the JSON Schemas rule files point to", () => {
  it.each(Object.entries(SCHEMA_FILES))("rules/schema/%s matches the loader's schema (run npm run schema)", (name, schema) => {
    expect(readFileSync(join(PROJECT_ROOT, "rules", "schema", name), "utf8")).toBe(jsonSchemaText(schema));
  });
});
