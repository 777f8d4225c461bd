// Lint rules. The one project-specific rule: src/core is pure and may import only from src/core.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "tally-data/", "web-dist/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // src/core is pure: no I/O modules, no store/HTML/CLI libraries, and no relative import that
  // climbs out of src/core (one rule per folder depth).
  ...["src/core/*.ts", "src/core/*/*.ts", "src/core/*/*/*.ts"].map((files, depth) => ({
    files: [files],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["node:*", "fs", "path", "http", "https", "child_process", "net", "os", "worker_threads"], message: "src/core is pure: no I/O modules." },
          { group: ["../".repeat(depth + 1) + "*"], message: "src/core may import only from src/core." },
          { group: ["kysely", "better-sqlite3", "pg", "linkedom", "@mozilla/readability", "commander"], message: "src/core knows nothing of stores, HTML or the CLI." },
        ],
      }],
    },
  })),
);
