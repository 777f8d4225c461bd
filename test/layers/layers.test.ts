// The layer rules of eslint.config.js (docs/architecture.md) refuse a wrong-way import and let the
// right-way ones through: each case lints one invented file at a path inside a layer.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The messages of the layer rule for `code` as if it were the file at `filePath`. */
async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith("no-restricted-imports")).map((m) => m.message);
}

describe("layer rules", () => {
  it.each([
    ["src/services/probe.ts", `import { UsageError } from "../cli/io.js";\nexport const x = UsageError;\n`],
    ["src/pipeline/probe.ts", `import { AuthService } from "../services/auth.js";\nexport const x = AuthService;\n`],
    ["src/store/probe.ts", `import { claimsFor } from "../pipeline/ingest.js";\nexport const x = claimsFor;\n`],
    ["src/store/migrations/probe.ts", `import { ApiError } from "../../api/errors.js";\nexport const x = ApiError;\n`],
    ["src/api/routes/probe.ts", `import { UsageError } from "../../cli/io.js";\nexport const x = UsageError;\n`],
    ["src/web/pages/Probe.tsx", `import { SEARCH_WINDOW } from "../../store/store.js";\nexport const x = SEARCH_WINDOW;\n`],
    ["src/web/probe.ts", `import { ErrorSchema } from "../api/errors.js";\nexport const x = ErrorSchema;\n`],
    ["src/shared/probe.ts", `import { openStore } from "../store/index.js";\nexport const x = openStore;\n`],
    ["src/shared/entities/probe.ts", `import { Store } from "../../services/facts.js";\nexport const x = Store;\n`],
    ["src/api/routes/probe.ts", `import { openLedger } from "../../compose.js";\nexport const x = openLedger;\n`],
    ["src/core/probe.ts", `import { toCsv } from "../shared/csv.js";\nexport const x = toCsv;\n`],
    ["src/cli/commands/probe.ts", `import { openStore } from "../../store/index.js";\nexport const x = openStore;\n`],
    ["src/api/routes/probe.ts", `import type { Store } from "../../store/index.js";\nexport const x = (s: Store) => s;\n`],
    ["src/api/probe.ts", `import { FULL_ACCESS } from "../store/index.js";\nexport const x = FULL_ACCESS;\n`],
  ])("refuses the wrong-way import in %s", async (filePath, code) => {
    expect(await layerProblems(filePath, code)).toHaveLength(1);
  });

  it.each([
    ["src/services/probe.ts", `import { toCsv } from "../shared/csv.js";\nimport { openStore } from "../store/index.js";\nexport const x = [toCsv, openStore];\n`],
    ["src/cli/commands/probe.ts", `import { serveLedger } from "../../compose.js";\nexport const x = serveLedger;\n`],
    ["src/cli/commands/probe.ts", `import { startServer } from "../../api/server.js";\nexport const x = startServer;\n`],
    ["src/web/probe.ts", `import type { ErrorBody } from "../api/errors.js";\nimport { EVENT_TYPES } from "../core/types.js";\nexport const x: [ErrorBody | null, unknown] = [null, EVENT_TYPES];\n`],
    ["src/store/probe.ts", `import { Invalid } from "../shared/errors.js";\nexport const x = Invalid;\n`],
    ["src/shared/entities/probe.ts", `import { EVENT_TYPES } from "../../core/types.js";\nexport const x = EVENT_TYPES;\n`],
    ["src/cli/commands/probe.ts", `import type { ClaimFilter } from "../../services/use-cases/types.js";\nexport const x = (f: ClaimFilter) => f;\n`],
    ["src/api/facts-worker.ts", `import { openStore } from "../store/index.js";\nexport const x = openStore;\n`],
    ["src/cli/context.ts", `import type { Store } from "../store/index.js";\nexport const x = (s: Store) => s;\n`],
  ])("lets the right-way imports of %s through", async (filePath, code) => {
    expect(await layerProblems(filePath, code)).toEqual([]);
  });

  it("refuses a question of which database it is outside src/store, and lets src/store ask", async () => {
    const code = `import type { Store } from "../store/index.js";\nexport const big = (s: Store) => s.dialect === "postgres";\n`;
    const [outside] = await eslint.lintText(code, { filePath: "src/pipeline/probe.ts" });
    expect(outside?.messages.map((m) => m.ruleId)).toContain("no-restricted-syntax");
    const [inside] = await eslint.lintText(code.replace("../store/index.js", "./index.js"), { filePath: "src/store/probe.ts" });
    expect(inside?.messages.map((m) => m.ruleId)).not.toContain("no-restricted-syntax");
  });
});
