// Lint rules. The project-specific ones are the layers (docs/architecture.md): src/core is pure and
// imports only src/core; each layer above imports only layers below it, so a wrong-way import fails
// `npm run lint`:  core <- shared <- ingest, store <- pipeline <- services <- cli / api / web.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/**
 * Layers a folder of src may not import from (src/core has its own, stricter rule below).
 * src/compose.ts, the composition root, is imported by src/cli only.
 */
const FORBIDDEN = {
  shared: ["ingest", "store", "pipeline", "services", "cli", "api", "web", "config", "spawn-thread", "compose"],
  ingest: ["store", "pipeline", "services", "cli", "api", "web", "compose"],
  store: ["ingest", "pipeline", "services", "cli", "api", "web", "compose"],
  pipeline: ["services", "cli", "api", "web", "compose"],
  services: ["cli", "api", "web", "compose"],
  cli: ["web"],
  api: ["cli", "web", "compose"],
  // The browser's code: src/core (pure) and src/shared, and the API's schemas for their types only.
  web: ["ingest", "store", "pipeline", "services", "cli", "config", "spawn-thread", "compose"],
};

/**
 * src/cli and src/api reach the store only through the use cases (src/services/use-cases, whose
 * types.ts names the store's records for them): their commands and routes do not import src/store.
 * These files are the wiring that opens a store or scopes it, and may.
 */
const STORE_WIRING = [
  "src/cli/context.ts", // opens the configured store for a command (through src/compose.ts)
  "src/api/context.ts", // the server's dependencies
  "src/api/facts-provider.ts", // the facts linked per audience (the store's access scopes)
  "src/api/facts-thread-protocol.ts", // what the linking thread is told: where the store is
  "src/api/facts-worker.ts", // the linking thread opens its own store
];

const WHY = {
  shared: "src/shared is imported by every layer and the browser: it imports only src/shared and src/core.",
  web: "the web pages run in the browser: they import src/core, src/shared and, for types only, src/api.",
};

/** One config per folder depth below src/<layer>, with the relative climbs that reach a forbidden layer. */
function layerRules(layer, forbidden, guardStore = true) {
  return [0, 1, 2].map((depth) => {
    const up = "\\.\\./".repeat(depth + 1);
    const patterns = [
      { regex: `^${up}(${forbidden.join("|")})(/|\\.js$)`, message: WHY[layer] ?? `src/${layer} may not import from ${forbidden.map((l) => `src/${l}`).join(", ")} (a layer imports only the layers below it).` },
    ];
    if (layer === "web") patterns.push({ regex: `^${up}api/`, allowTypeImports: true, message: WHY.web });
    if (guardStore && (layer === "cli" || layer === "api")) patterns.push({ regex: `^${up}store(/|\\.js$)`, message: `src/${layer} reaches the store through the use cases (src/services/use-cases; their records' types in use-cases/types.ts); only the wiring opens it (eslint.config.js STORE_WIRING).` });
    if (layer === "shared" || layer === "web") patterns.push({ group: ["node:*"], message: `src/${layer} runs in the browser too: no Node modules.` });
    return {
      files: [`src/${layer}/${"*/".repeat(depth)}*.{ts,tsx}`],
      ignores: layer === "cli" || layer === "api" ? STORE_WIRING : [],
      rules: {
        "no-restricted-imports": "off",
        "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
      },
    };
  });
}

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
  ...Object.entries(FORBIDDEN).flatMap(([layer, forbidden]) => layerRules(layer, forbidden)),
  // The wiring of src/cli and src/api keeps the layer rule without the store's part.
  ...STORE_WIRING.map((file) => {
    const [, layer, ...rest] = file.split("/");
    return { ...layerRules(layer, FORBIDDEN[layer], false)[rest.length - 1], files: [file], ignores: [] };
  }),
  // Nothing outside src/store asks which database it is: what differs is a trait of the store
  // (store.traits, store.openWriteLock()), filled in by one module per database (src/store/dialect).
  {
    files: ["src/*.ts", ...["ingest", "pipeline", "services", "cli", "api", "web", "shared"].map((l) => `src/${l}/**/*.{ts,tsx}`)],
    rules: {
      "no-restricted-syntax": ["error", { selector: "MemberExpression[property.name='dialect']", message: "only src/store knows which database it is: use store.traits or a store method (src/store/dialect)." }],
    },
  },
);
