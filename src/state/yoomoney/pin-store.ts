import type { PinStatus } from "../../contracts/yoomoney/enums.js";
import { CodeIndex } from "./code-index.js";

const NEW = 0;
const ACCEPTED = 1;
const REDEEMED = 2;
const STATUS_NAMES: readonly PinStatus[] = ["new_unused", "accepted_by_user", "redeem_received"];
/** The character code of "0": a status's digit in a snapshot is DIGIT_ZERO + its number. */
const DIGIT_ZERO = 0x30;
const ASCII = new TextDecoder("ascii");

export interface PinCounts {
  unused: number;
  accepted: number;
  redeemed: number;
  total: number;
}

export interface PinStoreSnapshot {
  codes: string[];
  /** One digit per code: 0 new_unused, 1 accepted_by_user, 2 redeem_received. */
  statuses: string;
}

/**
 * One-off promo codes of one campaign, kept compactly (a million codes is a normal upload): the codes in
 * upload order, a case-insensitive index over them, and one status byte per code. Codes are ASCII letters
 * and digits (the contract's PIN_PATTERN), so case folding is ASCII folding. Codes are issued in upload order
 * and never go back, so the next unused code is found from a cursor.
 */
export class PinStore {
  private codes: string[] = [];
  private index = new CodeIndex(this.codes);
  private statuses = new Uint8Array(0);
  private cursor = 0;
  private counts = [0, 0, 0];

  /** Adds the codes not already present (case-insensitively); returns how many were added. */
  add(list: readonly string[]): number {
    this.reserve(this.codes.length + list.length);
    this.index.reserve(this.codes.length + list.length);
    let added = 0;
    for (const code of list) {
      if (this.index.insertIfAbsent(code, this.codes.length) !== undefined) continue;
      this.codes.push(code);
      added++;
    }
    this.counts[NEW] = (this.counts[NEW] ?? 0) + added;
    return added;
  }

  find(code: string): number | undefined {
    return this.index.find(code);
  }

  code(index: number): string {
    return this.codes[index] ?? "";
  }

  status(index: number): PinStatus {
    return STATUS_NAMES[this.statuses[index] ?? NEW] ?? "new_unused";
  }

  /** Hands the next unused code to a user; undefined when none is left. */
  issueNext(): number | undefined {
    while (this.cursor < this.codes.length && this.statuses[this.cursor] !== NEW) this.cursor++;
    if (this.cursor >= this.codes.length) return undefined;
    const issued = this.cursor++;
    this.move(issued, ACCEPTED);
    return issued;
  }

  markRedeemed(index: number): void {
    this.move(index, REDEEMED);
  }

  get counters(): PinCounts {
    const [unused = 0, accepted = 0, redeemed = 0] = this.counts;
    return { unused, accepted, redeemed, total: this.codes.length };
  }

  byStatus(status: PinStatus): string[] {
    const wanted = STATUS_NAMES.indexOf(status);
    const out: string[] = [];
    for (let i = 0; i < this.codes.length; i++) {
      if (this.statuses[i] === wanted) out.push(this.codes[i] ?? "");
    }
    return out;
  }

  /** A copy of the codes and their statuses (a million codes in a few milliseconds: one status digit a byte, decoded at once). */
  snapshot(): PinStoreSnapshot {
    const digits = new Uint8Array(this.codes.length);
    for (let i = 0; i < digits.length; i++) digits[i] = DIGIT_ZERO + (this.statuses[i] ?? NEW);
    return { codes: this.codes.slice(), statuses: ASCII.decode(digits) };
  }

  static restore(snapshot: PinStoreSnapshot): PinStore {
    const store = new PinStore();
    store.add(snapshot.codes);
    for (let i = 0; i < store.codes.length; i++) {
      // The status digit's value (NaN past the end: new_unused).
      const status = snapshot.statuses.charCodeAt(i) - DIGIT_ZERO;
      if (status === ACCEPTED || status === REDEEMED) store.move(i, status);
    }
    return store;
  }

  private move(index: number, to: number): void {
    const from = this.statuses[index] ?? NEW;
    this.counts[from] = (this.counts[from] ?? 0) - 1;
    this.counts[to] = (this.counts[to] ?? 0) + 1;
    this.statuses[index] = to;
  }

  private reserve(size: number): void {
    if (size <= this.statuses.length) return;
    const grown = new Uint8Array(Math.max(size, this.statuses.length * 2, 1024));
    grown.set(this.statuses);
    this.statuses = grown;
  }
}
