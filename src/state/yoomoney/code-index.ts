/**
 * A case-insensitive set of ASCII codes, kept as indexes into the caller's code list: an open-addressing
 * hash table in one Int32Array. A Map keyed by lower-cased codes would hold a second copy of every code
 * and a Map entry each (about 65 MB more for a million codes).
 */
export class CodeIndex {
  private slots = new Int32Array(1024);
  private size = 0;

  constructor(private readonly codes: readonly string[]) {}

  /** The index of `code` in the list, compared case-insensitively. */
  find(code: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = foldedHash(code) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) return undefined;
      if (sameFolded(this.codes[entry - 1] ?? "", code)) return entry - 1;
    }
  }

  /** Makes room for `count` codes in all, so a large upload rehashes at most once. */
  reserve(count: number): void {
    let length = this.slots.length;
    while (count * 2 > length) length *= 2;
    if (length !== this.slots.length) this.rehash(length);
  }

  /**
   * Records `index` (where the caller is about to put `code`) unless an equal code is present; returns
   * the present code's index, or undefined when `code` was new and is now recorded.
   */
  insertIfAbsent(code: string, index: number): number | undefined {
    if ((this.size + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    const mask = this.slots.length - 1;
    let slot = foldedHash(code) & mask;
    for (let entry = this.slots[slot] ?? 0; entry !== 0; entry = this.slots[slot] ?? 0) {
      if (sameFolded(this.codes[entry - 1] ?? "", code)) return entry - 1;
      slot = (slot + 1) & mask;
    }
    this.slots[slot] = index + 1;
    this.size++;
    return undefined;
  }

  private place(index: number): void {
    const mask = this.slots.length - 1;
    let slot = foldedHash(this.codes[index] ?? "") & mask;
    while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }

  private rehash(length: number): void {
    const old = this.slots;
    this.slots = new Int32Array(length);
    for (const entry of old) if (entry !== 0) this.place(entry - 1);
  }
}

/** ASCII letters folded to lower case. */
function fold(charCode: number): number {
  return charCode >= 65 && charCode <= 90 ? charCode + 32 : charCode;
}

function foldedHash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ fold(code.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

function sameFolded(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (fold(a.charCodeAt(i)) !== fold(b.charCodeAt(i))) return false;
  return true;
}
