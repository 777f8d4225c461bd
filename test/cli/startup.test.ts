// Start-up: `tally --help` and `tally --version` load no command module, each command loads its
// own module only, and the help the command index gives is exactly what the modules register.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_MODULES, commandName, commandOf, moduleOf } from "../../src/cli/command-index.js";
import type { CliIo } from "../../src/cli/io.js";
import { buildProgram, main } from "../../src/cli/main.js";
import { staticClosure } from "../support/static-imports.js";

const SRC = join(import.meta.dirname, "..", "..", "src");

function captureIo(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), isTTY: false, exitCode: 0 };
}

async function run(args: string[]): Promise<{ code: number; text: string }> {
  const io = captureIo();
  const code = await main(["node", "tally", ...args], io);
  return { code, text: io.lines.join("\n") };
}

describe("the command index", () => {
  it("lists every top-level command exactly as its module registers it, in the same order", async () => {
    const eager = await buildProgram(captureIo());
    const listed = await buildProgram(captureIo(), ["node", "tally", "--help"]);
    expect(listed.commands.map((c) => c.name())).toEqual(eager.commands.map((c) => c.name()));
    expect(listed.helpInformation()).toBe(eager.helpInformation());
  });

  it("names, for each module, the commands that module registers and no other", async () => {
    for (const m of COMMAND_MODULES) {
      const first = commandName(m.commands[0]?.[0] as string);
      const program = await buildProgram(captureIo(), ["node", "tally", first]);
      expect(program.commands.map((c) => c.name())).toEqual(m.commands.map(([term]) => commandName(term)));
      expect(program.commands.map((c) => c.description())).toEqual(m.commands.map(([, description]) => description));
    }
  });

  it("finds the command past global options and their values, and through `help`", () => {
    expect(commandOf(["node", "tally", "--data", "claims", "docs", "--limit", "3"])).toBe("docs");
    expect(commandOf(["node", "tally", "--db=postgres://x", "worker"])).toBe("worker");
    expect(commandOf(["node", "tally", "help", "extract"])).toBe("extract");
    expect(commandOf(["node", "tally", "--help"])).toBeUndefined();
    expect(commandOf(["node", "tally", "-V"])).toBeUndefined();
    expect(commandOf(["node", "tally", "help"])).toBeUndefined();
    expect(moduleOf("restrict")).toBe(moduleOf("review"));
    expect(moduleOf("nonsense")).toBeUndefined();
  });

  it("gives the same help, version and refusals lazily as with every module loaded", async () => {
    expect((await run(["--version"])).text).toBe("0.1.0");
    const help = await run(["help", "extract"]);
    expect(help.code).toBe(0);
    expect(help.text).toContain("--max-bytes <n>");
    const eager = await buildProgram(captureIo());
    const extract = eager.commands.find((c) => c.name() === "extract");
    expect(help.text).toBe(extract?.helpInformation().replace(/\n$/, ""));
    const unknown = await run(["extrct"]);
    expect(unknown.code).toBe(2);
    expect(unknown.text).toMatch(/unknown command 'extrct'[\s\S]*Did you mean extract\?/);
  });
});

describe("what start-up loads", () => {
  it("the program itself loads commander and a handful of light modules, no command module", () => {
    const { files, packages } = staticClosure(join(SRC, "cli", "main.ts"));
    expect([...packages.keys()]).toEqual(["commander"]);
    expect([...files].filter((f) => f.includes(`${join("cli", "commands")}`))).toEqual([]);
    expect(files.size).toBeLessThan(12);
  });

  const HEAVY = ["hono", "@hono/node-server", "@hono/zod-openapi", "pg-boss", "pg", "linkedom", "@mozilla/readability", "fast-xml-parser", "kysely", "better-sqlite3", "cli-progress", "zod"];
  it.each([
    ["extract", [...HEAVY, "date-fns", "franc-min", "jalaali-js", "cli-table3"]],
    ["ingest", ["hono", "@hono/node-server", "@hono/zod-openapi", "pg-boss", "pg", "linkedom", "@mozilla/readability", "fast-xml-parser", "zod"]],
    ["store-commands", ["hono", "@hono/node-server", "@hono/zod-openapi", "pg-boss", "pg", "linkedom", "fast-xml-parser", "date-fns"]],
  ])("the %s module does not load %j before it needs them", (module, absent) => {
    const { packages } = staticClosure(join(SRC, "cli", "commands", `${module}.ts`));
    expect(absent.filter((p) => packages.has(p))).toEqual([]);
  });
});
