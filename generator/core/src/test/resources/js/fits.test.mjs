// The JS client's schema check (fits, in client-runtime.js), run over the official JSON Schema Test
// Suite (draft 7) for the keywords it checks. Run by JsSchemaFitTest with CHANX_FITS set to the
// runtime as a module that exports fits, and CHANX_SUITE to the suite's draft7 folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const { fits } = await import(process.env.CHANX_FITS);
const FILES = ["additionalItems", "additionalProperties", "allOf", "anyOf", "boolean_schema", "const", "enum",
  "exclusiveMaximum", "exclusiveMinimum", "items", "maxItems", "maxLength", "maxProperties", "maximum", "minItems",
  "minLength", "minProperties", "minimum", "multipleOf", "not", "oneOf", "pattern", "patternProperties",
  "properties", "required", "type"];

let right = 0;
for (const name of FILES) {
  test(name, () => {
    const wrong = [];
    for (const group of JSON.parse(readFileSync(join(process.env.CHANX_SUITE, `${name}.json`), "utf8"))) {
      // References reach only the module's own named schemas; the suite's point elsewhere.
      if (JSON.stringify(group.schema).includes('"$ref"')) continue;
      for (const one of group.tests) {
        if (fits(group.schema, one.data, {}) === one.valid) right++;
        else wrong.push(`${group.description} / ${one.description}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
}
test("count", () => {
  console.log(`fits: ${right} right`);
  assert.ok(right > 400, `only ${right}`);
});
