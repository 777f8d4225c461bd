import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectInputs } from "../../src/ingest/collect.js";
import { useTempDirs } from "./temp-dir.js";

async function corpus(dir: string): Promise<void> {
  await mkdir(join(dir, "sub"));
  await mkdir(join(dir, ".hidden"));
  await mkdir(join(dir, "node_modules"));
  for (const name of ["b.txt", "a.md", "c.html", "d.htm", "e.markdown", "sub/f.txt", "notes.docx", "data.json", ".dot.txt", ".hidden/g.txt", "node_modules/h.txt"]) {
    await writeFile(join(dir, name), `text of ${name}`);
  }
}

const messages = (errors: Error[]): string[] => errors.map((e) => e.message);

describe("collectInputs", () => {
  const tempDir = useTempDirs();

  it("expands a folder recursively and sorted, skipping dot-files, node_modules and other types", async () => {
    const dir = await tempDir();
    await corpus(dir);
    const { files, errors } = await collectInputs([dir], {});
    expect(errors).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(["a.md", "b.txt", "c.html", "d.htm", "e.markdown", "sub/f.txt"].map((n) => join(dir, n)));
    expect(files.every((f) => f.manifestEntry === undefined)).toBe(true);
  });

  it("attaches the folder's manifest.json and reports each missing file it names", async () => {
    const dir = await tempDir();
    await corpus(dir);
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ documents: [
      { file: "b.txt", published: "2020-01", publisher: "P", url: null },
      { file: "sub/f.txt", published: "2019" },
      { file: "x.txt", published: null },
      { file: "y.txt", published: null },
    ] }));
    const { files, errors } = await collectInputs([dir], {});
    expect(messages(errors)).toEqual([
      `${join(dir, "manifest.json")}: manifest names missing file x.txt`,
      `${join(dir, "manifest.json")}: manifest names missing file y.txt`,
    ]);
    expect(files).toHaveLength(6);
    expect(files.find((f) => f.path.endsWith("b.txt"))?.manifestEntry?.published).toBe("2020-01");
    expect(files.find((f) => f.path.endsWith("f.txt"))?.manifestEntry?.published).toBe("2019");
    expect(files.find((f) => f.path.endsWith("a.md"))?.manifestEntry).toBeUndefined();
  });

  it("reads the folder without metadata when its manifest is not JSON", async () => {
    const dir = await tempDir();
    await corpus(dir);
    await writeFile(join(dir, "manifest.json"), "{ documents: oops");
    const { files, errors } = await collectInputs([dir], {});
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/manifest\.json: not valid JSON: .*position \d+/);
    expect(files).toHaveLength(6);
    expect(files.some((f) => f.manifestEntry)).toBe(false);
  });

  it("lets an explicit --manifest win over the folder's own", async () => {
    const dir = await tempDir();
    await corpus(dir);
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ documents: [{ file: "b.txt", published: "2000" }] }));
    const other = join(dir, "sub", "other.json");
    await writeFile(other, JSON.stringify({ documents: [{ file: "../b.txt", published: "2011-11" }, { file: "f.txt", published: "2012" }] }));
    const { files, errors } = await collectInputs([dir], { manifestPath: other });
    expect(errors).toEqual([]);
    expect(files.find((f) => f.path.endsWith("b.txt"))?.manifestEntry?.published).toBe("2011-11");
    expect(files.find((f) => f.path.endsWith("f.txt"))?.manifestEntry?.published).toBe("2012");
  });

  it("takes file arguments as they are, once each, and reports paths that do not exist", async () => {
    const dir = await tempDir();
    await corpus(dir);
    const pdf = join(dir, "notes.docx");
    const missing = join(dir, "missing.txt");
    const { files, errors } = await collectInputs([pdf, missing, join(dir, "b.txt"), join(dir, "b.txt")], {});
    expect(files.map((f) => f.path)).toEqual([pdf, join(dir, "b.txt")]);
    expect(messages(errors)).toEqual([`${missing}: no such file or folder`]);
  });

  it("reports a missing explicit manifest and still collects the files", async () => {
    const dir = await tempDir();
    await corpus(dir);
    const { files, errors } = await collectInputs([join(dir, "sub")], { manifestPath: join(dir, "none.json") });
    expect(files.map((f) => f.path)).toEqual([join(dir, "sub", "f.txt")]);
    expect(messages(errors)).toEqual([`${join(dir, "none.json")}: no such file`]);
  });
});
