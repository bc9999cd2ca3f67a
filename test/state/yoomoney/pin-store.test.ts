import { describe, expect, it } from "vitest";
import { PinStore } from "../../../src/state/yoomoney/pin-store.js";

const counts = (unused: number, accepted: number, redeemed: number, total: number) => ({ unused, accepted, redeemed, total });

describe("PinStore", () => {
  it("adds codes in upload order and returns how many were new", () => {
    const store = new PinStore();
    expect(store.add(["dykLadno", "storubley", "1234567"])).toBe(3);
    expect(store.counters).toEqual(counts(3, 0, 0, 3));
    expect(store.byStatus("new_unused")).toEqual(["dykLadno", "storubley", "1234567"]);
    expect([0, 1, 2].map((i) => store.code(i))).toEqual(["dykLadno", "storubley", "1234567"]);
  });

  it("skips duplicates case-insensitively, within one list and against stored codes; the first spelling stays", () => {
    const store = new PinStore();
    expect(store.add(["abc1", "ABC1", "x9", "aBc1"])).toBe(2);
    expect(store.add(["X9", "new1", "NEW1", "Abc1"])).toBe(1);
    expect(store.counters).toEqual(counts(3, 0, 0, 3));
    expect(store.byStatus("new_unused")).toEqual(["abc1", "x9", "new1"]);
    expect(store.add([])).toBe(0);
  });

  it("finds a code whatever its case, and nothing else", () => {
    const store = new PinStore();
    store.add(["AbC1", "Def2"]);
    expect(store.find("abc1")).toBe(0);
    expect(store.find("ABC1")).toBe(0);
    expect(store.find("dEF2")).toBe(1);
    expect(store.find("AbC")).toBeUndefined();
    expect(store.find("AbC12")).toBeUndefined();
    expect(store.find("")).toBeUndefined();
    expect(store.status(0)).toBe("new_unused");
  });

  it("issues codes in upload order, never twice, then nothing", () => {
    const store = new PinStore();
    store.add(["A1", "B2", "C3"]);
    expect(store.issueNext()).toBe(0);
    expect(store.counters).toEqual(counts(2, 1, 0, 3));
    store.add(["D4"]);
    expect([store.issueNext(), store.issueNext(), store.issueNext()]).toEqual([1, 2, 3]);
    expect(store.issueNext()).toBeUndefined();
    expect(store.counters).toEqual(counts(0, 4, 0, 4));
    store.add(["E5"]);
    expect(store.issueNext()).toBe(4);
  });

  it("markRedeemed moves an accepted code to redeem_received; the counters stay disjoint", () => {
    const store = new PinStore();
    store.add(["A1", "B2", "C3", "D4"]);
    store.issueNext();
    store.issueNext();
    store.markRedeemed(1);
    expect(store.status(0)).toBe("accepted_by_user");
    expect(store.status(1)).toBe("redeem_received");
    expect(store.status(2)).toBe("new_unused");
    expect(store.counters).toEqual(counts(2, 1, 1, 4));
    expect(store.byStatus("accepted_by_user")).toEqual(["A1"]);
    expect(store.byStatus("redeem_received")).toEqual(["B2"]);
    expect(store.byStatus("new_unused")).toEqual(["C3", "D4"]);
    const { unused, accepted, redeemed, total } = store.counters;
    expect(unused + accepted + redeemed).toBe(total);
  });

  it("snapshots as the codes plus one status digit each, and restores exactly", () => {
    const store = new PinStore();
    store.add(["A1", "b2", "C3", "d4"]);
    store.issueNext();
    store.issueNext();
    store.markRedeemed(0);
    const snapshot = store.snapshot();
    expect(snapshot).toEqual({ codes: ["A1", "b2", "C3", "d4"], statuses: "2100" });

    const restored = PinStore.restore(snapshot);
    expect(restored.snapshot()).toEqual(snapshot);
    expect(restored.counters).toEqual(counts(2, 1, 1, 4));
    expect(restored.find("B2")).toBe(1);
    expect(restored.issueNext()).toBe(2);
    expect(restored.add(["c3", "E5"])).toBe(1);
  });

  it("the snapshot is a copy: later changes do not reach it", () => {
    const store = new PinStore();
    store.add(["A1"]);
    const snapshot = store.snapshot();
    store.add(["B2"]);
    store.issueNext();
    expect(snapshot).toEqual({ codes: ["A1"], statuses: "0" });
  });

  it("restore issues the unused codes in order even when they sit between used ones", () => {
    const restored = PinStore.restore({ codes: ["A1", "B2", "C3", "D4"], statuses: "0102" });
    expect(restored.counters).toEqual(counts(2, 1, 1, 4));
    expect([restored.issueNext(), restored.issueNext(), restored.issueNext()]).toEqual([0, 2, undefined]);
  });

  it("restore of a list with case-insensitive duplicates keeps fewer codes (the import detects it)", () => {
    const restored = PinStore.restore({ codes: ["A1", "a1"], statuses: "00" });
    expect(restored.counters.total).toBe(1);
  });

  it("stays exact through many uploads of different sizes (index growth)", () => {
    const store = new PinStore();
    let added = 0;
    for (let i = 0; i < 3000; i++) added += store.add([`code${i}`]);
    added += store.add(Array.from({ length: 20_000 }, (_, i) => `Bulk${i}`));
    added += store.add(Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? `CODE${i}` : `extra${i}`)));
    // The last batch: CODE0-CODE2998 (even) are duplicates; 2500 odd extras and CODE3000-CODE4998 (1000) are new.
    expect(added).toBe(3000 + 20_000 + 3500);
    expect(store.counters).toEqual(counts(26_500, 0, 0, 26_500));
    const expected = [["CODE0", 0], ["code2999", 2999], ["bulk0", 3000], ["BULK19999", 22_999], ["Extra1", 23_000], ["code3000", 24_500], ["EXTRA4999", 26_499]] as const;
    for (const [code, index] of expected) expect(store.find(code), code).toBe(index);
    expect(store.code(24_500)).toBe("CODE3000");
    expect(store.find("code5000")).toBeUndefined();
    expect(store.find("bulk20000")).toBeUndefined();
  });

  it("takes 100,000 codes quickly", () => {
    const store = new PinStore();
    const started = Date.now();
    expect(store.add(Array.from({ length: 100_000 }, (_, i) => `P${i}x`))).toBe(100_000);
    expect(store.add(Array.from({ length: 100_000 }, (_, i) => `p${i}X`))).toBe(0);
    expect(store.find("p99999X")).toBe(99_999);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
