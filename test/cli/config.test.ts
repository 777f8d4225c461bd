// The configuration: options win over the environment, defaults apply, and every bad value is reported at once.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("leaves the write batch to the store unless an option or TALLY_WRITE_BATCH sets it, the option first", () => {
    expect(loadConfig({}, {}).writeBatch).toBeNull();
    expect(loadConfig({}, { TALLY_WRITE_BATCH: "" }).writeBatch).toBeNull();
    expect(loadConfig({}, { TALLY_WRITE_BATCH: "300" }).writeBatch).toBe(300);
    expect(loadConfig({ writeBatch: "50" }, { TALLY_WRITE_BATCH: "300" }).writeBatch).toBe(50);
  });

  it("reports a write batch or worker count that is not a whole number, with the others", () => {
    const problems = () => {
      try {
        loadConfig({ writeBatch: "0", workers: "two" }, { TALLY_FETCH_TIMEOUT_MS: "soon" });
      } catch (error) {
        return error instanceof ConfigError ? error.problems : [];
      }
      return [];
    };
    expect(problems()).toEqual([
      'TALLY_FETCH_TIMEOUT_MS must be a whole number ≥ 1 (got "soon")',
      '--workers must be a whole number ≥ 0 (got "two")',
      '--write-batch must be a whole number ≥ 1 (got "0")',
    ]);
  });
});
