import { describe, expect, it } from "vitest";
import { splitChunks, splitText } from "../../src/persistence/redis-snapshot-chunks.js";

describe("a snapshot's text in chunks", () => {
  it("cuts at the size, never inside a surrogate pair, and joins back to the text", () => {
    expect(splitText("abcdefg", 3)).toEqual(["abc", "def", "g"]);
    expect(splitText("", 3)).toEqual([""]);
    expect(splitText("ab😀cd", 3)).toEqual(["ab", "😀c", "d"]);
    const text = `x${"😀é".repeat(1000)}`;
    for (const size of [2, 3, 7, 64]) {
      const pieces = splitText(text, size);
      expect(pieces.join("")).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(size);
        expect(Buffer.from(piece, "utf8").toString("utf8")).toBe(piece);
      }
    }
  });

  it("cuts a text given in chunks chunk by chunk, leaving empty chunks out", () => {
    expect(splitChunks(["abcde", "", "fg"], 3)).toEqual(["abc", "de", "fg"]);
    expect(splitChunks(["", ""], 3)).toEqual([""]);
    expect(splitChunks([], 3)).toEqual([""]);
  });
});
