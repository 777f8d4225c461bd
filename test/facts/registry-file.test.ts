// The user's registry file: merged over the seed, validated with errors naming the file, edited by commands.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addAlias, addSource, loadRegistry, RegistryFileError, setNetwork } from "../../src/services/registry-file.js";
import { cleanup, putDoc, runCli, tempDir, tempStore } from "./helpers.js";

afterEach(cleanup);

async function writeRegistry(dir: string, data: unknown): Promise<string> {
  const file = join(dir, "sources.json");
  await writeFile(file, typeof data === "string" ? data : JSON.stringify(data), "utf8");
  return file;
}

describe("registry file", () => {
  it("uses the seed when the data directory has no sources.json", async () => {
    const reg = await loadRegistry(await tempDir());
    expect(reg.networkOf("Iran Focus")).toBe("ncri-pmoi");
    expect(reg.normalize("the NCRI's")).toBe("NCRI");
  });

  it("merges user entries over the seed: same id replaces, new ids and networks are added", async () => {
    const dir = await tempDir();
    await writeRegistry(dir, {
      version: 1,
      networks: [{ id: "lrn", name: "Lowland Rights Network" }],
      sources: [
        { id: "lrn", short: "LRN", name: "Lowland Rights Network", kind: "organisation", network: "lrn", aliases: ["Lowland RN"] },
        { id: "hengaw", short: "Hengaw", name: "Hengaw Organization for Human Rights", kind: "organisation", network: "lrn", aliases: ["Hengaw"] },
      ],
    });
    const reg = await loadRegistry(dir);
    expect(reg.normalize("Lowland RN")).toBe("LRN");
    expect(reg.networkOf("Hengaw")).toBe("lrn");
    expect(reg.networkOf("IHRNGO")).toBe("ihrngo");
    expect(reg.data.sources.filter((s) => s.id === "hengaw")).toHaveLength(1);
    expect(reg.networks.get("lrn")?.name).toBe("Lowland Rights Network");
  });

  it("rejects broken JSON, bad fields and unknown networks, naming the file", async () => {
    const dir = await tempDir();
    const file = await writeRegistry(dir, "{ not json");
    await expect(loadRegistry(dir)).rejects.toThrow(RegistryFileError);
    await expect(loadRegistry(dir)).rejects.toThrow(`${file}: not valid JSON`);

    await writeRegistry(dir, { sources: [{ id: "x", short: "X", name: "X", kind: "planet", network: "ihrngo", aliases: "X" }] });
    const err = (await loadRegistry(dir).catch((e: Error) => e)) as Error;
    expect(err.message).toContain(file);
    expect(err.message).toContain('sources[0] ("x").kind must be one of');
    expect(err.message).toContain('sources[0] ("x").aliases must be an array of strings');

    await writeRegistry(dir, { sources: [{ id: "x", short: "X", name: "X", kind: "organisation", network: "nowhere", aliases: [] }] });
    await expect(loadRegistry(dir)).rejects.toThrow(`${file}: source "x" names network "nowhere"`);

    await writeRegistry(dir, { networks: [{ id: "a", name: "A" }, { id: "a", name: "A again" }] });
    await expect(loadRegistry(dir)).rejects.toThrow('network id "a" appears twice');
  });

  it("adds sources, aliases and networks, and refuses names that belong to another source", async () => {
    const dir = await tempDir();
    const added = await addSource(dir, { name: "Lowland Rights Network", short: "LRN", kind: "organisation", aliases: ["Lowland RN"] });
    expect(added).toMatchObject({ id: "lrn", network: "lrn" });
    await addAlias(dir, "ihrngo", "Iran HR Monitor");
    await setNetwork(dir, "hengaw", "lrn");
    const reg = await loadRegistry(dir);
    expect(reg.normalize("Iran HR Monitor")).toBe("IHRNGO");
    expect(reg.networkOf("Hengaw")).toBe("lrn");
    expect(reg.networkOf("LRN")).toBe("lrn");
    const saved = JSON.parse(await readFile(join(dir, "sources.json"), "utf8")) as { sources: { id: string }[] };
    expect(saved.sources.map((s) => s.id).sort()).toEqual(["hengaw", "ihrngo", "lrn"]);
    await expect(addAlias(dir, "lrn", "Amnesty")).rejects.toThrow(/already names source "amnesty"/);
    await expect(addSource(dir, { name: "LRN", kind: "organisation", aliases: [] })).rejects.toThrow(/already exists/);
    await expect(addAlias(dir, "nobody", "X")).rejects.toThrow(/no source with id "nobody"/);
  });
});

describe("tally sources", () => {
  it("lists registry sources and networks with stored claims, and edits the file", async () => {
    const { store, dataDir } = await tempStore();
    await putDoc(store, { name: "a.txt" }, [
      { quote: "The NCRI's tally gives 30 executions.", count: 30, source: "the NCRI's" },
      { quote: "Iran Focus counted 31.", count: 31, source: "Iran Focus" },
      { quote: "The Kurdistan group counted 12.", count: 12, source: "Lowland RN" },
    ]);
    await store.close();

    let r = await runCli(["--data", dataDir, "sources", "--format", "json"]);
    expect(r.code).toBe(0);
    let o = JSON.parse(r.out) as { sources: { id: string; claims: number }[]; networks: { id: string; claims: number }[]; unregistered: { name: string; claims: number }[] };
    expect(o.sources.find((s) => s.id === "ncri")?.claims).toBe(1);
    expect(o.networks.find((n) => n.id === "ncri-pmoi")?.claims).toBe(2);
    expect(o.unregistered).toEqual([{ name: "Lowland RN", claims: 1 }]);

    r = await runCli(["--data", dataDir, "sources", "add", "Lowland Rights Network", "--short", "LRN", "--alias", "Lowland RN", "LRN-Lowland"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('added source "lrn"');
    expect((await runCli(["--data", dataDir, "sources", "alias", "lrn", "Kurdistan Network"])).code).toBe(0);
    expect((await runCli(["--data", dataDir, "sources", "network", "lrn", "hengaw"])).code).toBe(0);
    // Each change to the registry is in the audit trail, with the entry before and after.
    const log = (await runCli(["--data", dataDir, "audit", "log", "--object", "setting:registry:lrn", "--format", "jsonl"])).out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { action: string; before: { network?: string } | null; after: { network: string; aliases: string[] } });
    expect(log.map((e) => e.action)).toEqual(["setting.change", "setting.change", "setting.change"]);
    expect(log[0]?.before).toBeNull();
    expect(log[1]?.after.aliases).toContain("Kurdistan Network");
    expect(log[2]?.after.network).toBe("hengaw");

    o = JSON.parse((await runCli(["--data", dataDir, "sources", "--format", "json"])).out) as typeof o;
    expect(o.sources.find((s) => s.id === "lrn")?.claims).toBe(1);
    expect(o.networks.find((n) => n.id === "hengaw")?.claims).toBe(1);
    expect(o.unregistered).toEqual([]);

    await writeFile(join(dataDir, "sources.json"), "[1,2]", "utf8");
    r = await runCli(["--data", dataDir, "sources"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(join(dataDir, "sources.json"));
    expect((await runCli(["--data", dataDir, "sources", "add", "X", "--kind", "planet"])).code).toBe(2);
  });
});
