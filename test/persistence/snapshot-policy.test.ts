import { describe, expect, it } from "vitest";
import { DEFAULT_SNAPSHOT_POLICY, entryBytes, snapshotDue, snapshotEvery } from "../../src/persistence/snapshot-policy.js";

const policy = DEFAULT_SNAPSHOT_POLICY;

describe("when a tenant's log is snapshotted (issue 12)", () => {
  it("waits until the log since the last snapshot is half that snapshot's size, so a call pays for its own bytes, not the whole state", () => {
    // A 6 MB state, 300-byte entries: 10,000 entries are 3 MB, half the snapshot: due.
    expect(snapshotDue(policy, { entries: 9_999, bytes: 2_999_700, snapshotChars: 6_000_000 })).toBe(false);
    expect(snapshotDue(policy, { entries: 10_000, bytes: 3_000_000, snapshotChars: 6_000_000 })).toBe(true);
    // An 8 MB state: not before 4 MB of log (13,334 entries).
    expect(snapshotDue(policy, { entries: 13_333, bytes: 3_999_900, snapshotChars: 8_000_000 })).toBe(false);
    expect(snapshotDue(policy, { entries: 13_334, bytes: 4_000_200, snapshotChars: 8_000_000 })).toBe(true);
  });

  it("is taken anyway past 15,000 entries (the replay at start stays bounded) or 64 MiB", () => {
    expect(snapshotDue(policy, { entries: 14_999, bytes: 7_000_000, snapshotChars: 100_000_000 })).toBe(false);
    expect(snapshotDue(policy, { entries: 15_000, bytes: 7_000_000, snapshotChars: 100_000_000 })).toBe(true);
    expect(snapshotDue(policy, { entries: 100, bytes: 64 * 1024 * 1024, snapshotChars: 1e12 })).toBe(true);
  });

  it("comes after a few large uploads too (8 MiB), not only after 10,000 entries", () => {
    expect(snapshotDue(policy, { entries: 57, bytes: 8 * 1024 * 1024 - 1, snapshotChars: 0 })).toBe(false);
    expect(snapshotDue(policy, { entries: 58, bytes: 8 * 1024 * 1024, snapshotChars: 0 })).toBe(true);
  });

  it("snapshotEvery(n): every n entries, whatever the sizes", () => {
    const every = snapshotEvery(5);
    expect(snapshotDue(every, { entries: 4, bytes: 10_000_000, snapshotChars: 0 })).toBe(false);
    expect(snapshotDue(every, { entries: 5, bytes: 10, snapshotChars: 1e9 })).toBe(true);
  });

  it("counts an entry's URL, header values and body", () => {
    const input = { pipeline: "sandbox", method: "POST", url: "/__sandbox/wildberries/balance", headers: { authorization: "Bearer b", "content-type": "application/json" }, body: { text: '{"balance":1}' } };
    const line = JSON.stringify({ seq: 12_345, at: 1_796_555_441_355, order: 12_345, input }).length + 9;
    expect(Math.abs(entryBytes(input) - line) / line).toBeLessThan(0.25);
    expect(entryBytes({ ...input, body: { base64: "A".repeat(1000) } }) - entryBytes({ ...input, body: null })).toBe(1000);
  });
});
