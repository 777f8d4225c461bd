// Writes docs/openapi.json from the API's zod schemas; `--check` fails when the file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const target = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));
const { openApiJson } = await tsImport("../src/api/openapi.ts", import.meta.url);
const json = openApiJson();
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing counts as stale
  }
  if (current !== json) {
    console.error("docs/openapi.json is stale: run `npm run openapi`");
    process.exit(1);
  }
  console.log("docs/openapi.json is up to date");
} else {
  writeFileSync(target, json);
  console.log(`wrote ${target}`);
}
