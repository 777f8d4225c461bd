// loadAhead: chunks in order, the next one loading while the caller works on the current one.
import { describe, expect, it } from "vitest";
import { loadAhead } from "../../src/pipeline/read-ahead.js";

/** A load that records when each chunk started and finished. */
function recorder() {
  const log: string[] = [];
  const load = async (chunk: readonly number[], start: number) => {
    log.push(`load ${start}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push(`loaded ${start}`);
    return { items: [...chunk], big: chunk.includes(99) };
  };
  return { log, load };
}

describe("loadAhead", () => {
  it("yields every item once, in order, in chunks with their start", async () => {
    const { load } = recorder();
    const seen: Array<{ start: number; items: number[] }> = [];
    for await (const { start, chunk } of loadAhead([1, 2, 3, 4, 5, 6, 7], 3, load)) seen.push({ start, items: chunk.items });
    expect(seen).toEqual([
      { start: 0, items: [1, 2, 3] },
      { start: 3, items: [4, 5, 6] },
      { start: 6, items: [7] },
    ]);
  });

  it("starts loading the next chunk before the caller has finished with the current one", async () => {
    const { log, load } = recorder();
    for await (const { start } of loadAhead([1, 2, 3, 4], 2, load)) {
      log.push(`work ${start} begins`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push(`work ${start} ends`);
    }
    expect(log).toEqual(["load 0", "loaded 0", "load 2", "work 0 begins", "loaded 2", "work 0 ends", "work 2 begins", "work 2 ends"]);
  });

  it("does not load ahead of a chunk that overlap() turns down", async () => {
    const { log, load } = recorder();
    for await (const { start } of loadAhead([99, 1, 2, 3], 2, load, (c) => !c.big)) {
      log.push(`work ${start}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // The first chunk holds the big item: the second is loaded only once the caller is done with it.
    expect(log).toEqual(["load 0", "loaded 0", "work 0", "load 2", "loaded 2", "work 2"]);
  });

  it("yields nothing for no items and refuses a chunk size below one", async () => {
    const { log, load } = recorder();
    for await (const _ of loadAhead([], 4, load)) log.push("yielded");
    expect(log).toEqual([]);
    await expect(loadAhead([1], 0, load).next()).rejects.toThrow(/positive whole number/);
  });

  it("passes a failed load on to the caller, and a caller that stops early leaves no unhandled rejection", async () => {
    const failing = async (chunk: readonly number[]) => {
      if (chunk.includes(3)) throw new Error("cannot load 3");
      return chunk;
    };
    const seen: number[][] = [];
    await expect(
      (async () => {
        for await (const { chunk } of loadAhead([1, 2, 3, 4], 2, failing)) seen.push([...chunk]);
      })(),
    ).rejects.toThrow(/cannot load 3/);
    expect(seen).toEqual([[1, 2]]);
    // Stopping after the first chunk, while the failing second one was loaded ahead.
    for await (const { chunk } of loadAhead([1, 2, 3, 4], 2, failing)) {
      expect(chunk).toEqual([1, 2]);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
