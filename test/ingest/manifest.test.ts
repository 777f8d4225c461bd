import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/ingest/errors.js";
import { loadManifest, manifestEntryFor, parseManifest } from "../../src/ingest/manifest.js";
import { useTempDirs } from "./temp-dir.js";

/** The reason of the first entry the manifest refused (the rest of it stands). */
function entryReasonOf(json: string): string {
  const manifest = parseManifest(json, "corpus/manifest.json");
  const first = manifest.rejected[0];
  if (!first) throw new Error("parseManifest refused no entry");
  expect(first.error.file).toBe("corpus/manifest.json");
  return first.error.reason;
}

function reasonOf(json: string): string {
  try {
    parseManifest(json, "corpus/manifest.json");
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).file).toBe("corpus/manifest.json");
    return (err as InputError).reason;
  }
  throw new Error("parseManifest did not throw");
}

describe("parseManifest", () => {
  it("reads entries and fills missing optional fields with null", () => {
    const manifest = parseManifest(
      JSON.stringify({ documents: [
        { file: "a.txt", published: "2021-02", publisher: "Monitor", url: "https://m.example/a" },
        { file: "b.txt", published: null },
        { file: "c.txt", published: "1988" },
        { file: "d.txt", published: "2020-02-29" },
      ] }),
      "m.json",
    );
    expect(manifest.documents).toEqual([
      { file: "a.txt", published: "2021-02", publisher: "Monitor", url: "https://m.example/a" },
      { file: "b.txt", published: null, publisher: null, url: null },
      { file: "c.txt", published: "1988", publisher: null, url: null },
      { file: "d.txt", published: "2020-02-29", publisher: null, url: null },
    ]);
  });

  it("reports JSON syntax errors with the parser's position, line and column", () => {
    const reason = reasonOf('{\n  "documents": [\n    { "file": "a.txt", }\n  ]\n}');
    expect(reason).toMatch(/^not valid JSON: .*position 42 \(line 3, column 24\)$/);
  });

  it("requires a documents array", () => {
    expect(reasonOf("[]")).toMatch(/^manifest must be a JSON object/);
    expect(reasonOf('{"docs": []}')).toMatch(/^no "documents" array/);
    expect(reasonOf('{"documents": {}}')).toMatch(/^no "documents" array/);
  });

  it("requires a string file in every entry", () => {
    expect(entryReasonOf('{"documents": [{"file": "a.txt"}, {"published": "2020"}]}')).toBe('documents[1] has no "file" string');
    expect(entryReasonOf('{"documents": [{"file": 7}]}')).toBe('documents[0] has no "file" string');
    expect(entryReasonOf('{"documents": ["a.txt"]}')).toBe('documents[0] must be an object with a "file" string');
  });

  it.each(['"2021-13"', '"2021-02-30"', '"21-02"', '"2021/02/03"', '"last year"', "2021", '"2021-02-03T10:00"'])(
    "refuses published %s",
    (value) => {
      expect(entryReasonOf(`{"documents": [{"file": "a.txt", "published": ${value}}]}`)).toBe(
        `documents[0] ("a.txt"): published is ${value}; expected YYYY, YYYY-MM, YYYY-MM-DD or null`,
      );
    },
  );

  it("refuses non-string publisher or url and duplicate files", () => {
    expect(entryReasonOf('{"documents": [{"file": "a.txt", "publisher": 3}]}')).toBe('documents[0] ("a.txt"): publisher must be a string or null, not 3');
    expect(entryReasonOf('{"documents": [{"file": "a.txt"}, {"file": "a.txt"}]}')).toBe('documents[1].file "a.txt" is listed twice');
  });

  it("refuses a bad entry alone: the other entries keep their metadata", () => {
    const manifest = parseManifest(
      JSON.stringify({ documents: [
        { file: "a.txt", published: "2021-02-11", publisher: "Monitor" },
        { file: "b.txt", published: "2021-13-45", publisher: "Monitor" },
        { file: "c.txt", published: "2022", publisher: "Wire" },
      ] }),
      "m.json",
    );
    expect(manifest.documents.map((d) => [d.file, d.published, d.publisher])).toEqual([
      ["a.txt", "2021-02-11", "Monitor"],
      ["c.txt", "2022", "Wire"],
    ]);
    expect(manifest.rejected).toHaveLength(1);
    expect(manifest.rejected[0]?.file).toBe("b.txt");
    expect(manifest.rejected[0]?.error.message).toBe('m.json: documents[1] ("b.txt"): published is "2021-13-45"; expected YYYY, YYYY-MM, YYYY-MM-DD or null');
  });
});

describe("loadManifest and manifestEntryFor", () => {
  const tempDir = useTempDirs();

  it("loads a file and finds entries by listed path or unique base name", async () => {
    const dir = await tempDir();
    const path = join(dir, "manifest.json");
    await writeFile(path, JSON.stringify({ documents: [{ file: "one.txt", published: "2020" }, { file: "sub/two.txt" }] }));
    const manifest = await loadManifest(path);
    expect(manifestEntryFor(manifest, "one.txt")?.published).toBe("2020");
    expect(manifestEntryFor(manifest, "sub/two.txt")?.file).toBe("sub/two.txt");
    expect(manifestEntryFor(manifest, "two.txt")?.file).toBe("sub/two.txt");
    expect(manifestEntryFor(manifest, "three.txt")).toBeUndefined();
  });

  it("reports a missing manifest file", async () => {
    const dir = await tempDir();
    await expect(loadManifest(join(dir, "nope.json"))).rejects.toThrow(/nope\.json: no such file$/);
  });
});
