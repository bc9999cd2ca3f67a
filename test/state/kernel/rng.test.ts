import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/state/kernel/rng.js";
import { makeTenant } from "./tenant-fixture.js";

function draw(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

describe("Rng", () => {
  it("the same seed gives the same sequence", () => {
    expect(draw(new Rng("abc"), 20)).toEqual(draw(new Rng("abc"), 20));
  });

  it("different seeds give different sequences", () => {
    expect(draw(new Rng("abc"), 5)).not.toEqual(draw(new Rng("abd"), 5));
  });

  it("does not repeat a value within a short run", () => {
    const values = draw(new Rng("x"), 1000);
    expect(new Set(values).size).toBe(1000);
    for (const v of values) expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true);
  });

  it("next is in [0, 1) and int stays within its inclusive bounds, reaching both ends", () => {
    const rng = new Rng("bounds");
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const f = rng.next();
      expect(f >= 0 && f < 1).toBe(true);
      ints.add(rng.int(3, 6));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it("snapshot/restore continues the sequence exactly", () => {
    const rng = new Rng("resume");
    draw(rng, 7);
    const state = rng.snapshot();
    const expected = draw(rng, 10);
    const other = new Rng("something else");
    other.restore(state);
    expect(draw(other, 10)).toEqual(expected);
  });

  it("snapshots four unsigned 32-bit words (what the state contract accepts)", () => {
    for (const seed of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      const rng = new Rng(seed);
      draw(rng, 3);
      const state = rng.snapshot();
      expect(state).toHaveLength(4);
      for (const word of state) expect(Number.isInteger(word) && word >= 0 && word <= 0xffffffff).toBe(true);
    }
  });

  it("seed() re-seeds like a fresh generator (faker's Randomizer)", () => {
    const rng = new Rng("first");
    draw(rng, 3);
    rng.seed(42);
    expect(draw(rng, 5)).toEqual(draw(new Rng("42"), 5));
    rng.seed([1, 2]);
    expect(draw(rng, 5)).toEqual(draw(new Rng("1,2"), 5));
  });

  it("tenants with the same server seed but different ids draw different numbers; the same id draws the same", () => {
    const a = makeTenant({}, "tenant-a", "server-seed");
    const b = makeTenant({}, "tenant-b", "server-seed");
    const a2 = makeTenant({}, "tenant-a", "server-seed");
    const aValues = draw(a.rng, 5);
    expect(draw(b.rng, 5)).not.toEqual(aValues);
    expect(draw(a2.rng, 5)).toEqual(aValues);
  });

  it("a different server seed changes a tenant's numbers", () => {
    expect(draw(makeTenant({}, "t", "seed-1").rng, 5)).not.toEqual(draw(makeTenant({}, "t", "seed-2").rng, 5));
  });
});
