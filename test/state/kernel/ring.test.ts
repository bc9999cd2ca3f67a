import { describe, expect, it } from "vitest";
import { Ring } from "../../../src/state/kernel/ring.js";

describe("Ring", () => {
  it("keeps items oldest first while under capacity", () => {
    const ring = new Ring<number>(3);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
    expect(ring.droppedCount).toBe(0);
  });

  it("keeps the newest `capacity` items and counts the dropped ones", () => {
    const ring = new Ring<number>(3);
    for (let i = 1; i <= 8; i++) ring.push(i);
    expect(ring.toArray()).toEqual([6, 7, 8]);
    expect(ring.size).toBe(3);
    expect(ring.droppedCount).toBe(5);
  });

  it("stays in order across many wrap-arounds", () => {
    const ring = new Ring<number>(4);
    for (let i = 1; i <= 4 * 5 + 2; i++) ring.push(i);
    expect(ring.toArray()).toEqual([19, 20, 21, 22]);
  });

  it("clear() empties it and resets the dropped count", () => {
    const ring = new Ring<number>(2);
    for (let i = 1; i <= 5; i++) ring.push(i);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.droppedCount).toBe(0);
    ring.push(9);
    expect(ring.toArray()).toEqual([9]);
  });

  it("a ring of capacity 0 keeps nothing and counts every push as dropped", () => {
    const ring = new Ring<number>(0);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([]);
    expect(ring.droppedCount).toBe(2);
  });

  it("restore() installs the items and the dropped count it is given; past the capacity the oldest go and count as dropped", () => {
    const ring = new Ring<number>(3);
    ring.push(9);
    ring.restore([4, 5], 3);
    expect(ring.toArray()).toEqual([4, 5]);
    expect(ring.droppedCount).toBe(3);
    for (let i = 6; i <= 8; i++) ring.push(i);
    expect(ring.toArray()).toEqual([6, 7, 8]);
    expect(ring.droppedCount).toBe(5);
    ring.restore([1, 2, 3, 4, 5], 10);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.droppedCount).toBe(12);
    const none = new Ring<number>(0);
    none.restore([1, 2], 1);
    expect(none.toArray()).toEqual([]);
    expect(none.droppedCount).toBe(3);
  });
});
