import { setImmediate as nextTurn } from "node:timers/promises";

/** Wall time one slice of serialisation may take before it yields to the event loop. */
export const SLICE_MS = 4;

/**
 * Members a container may have and still be serialised by one JSON.stringify (when they are all primitives):
 * native speed, and a bounded pause. A longer array of primitives goes in runs of this many.
 */
const FLAT_MEMBERS = 4096;

/** How many serialisation steps run between two looks at the clock. */
const STEPS_PER_CHECK = 64;

/** An array or object being written: its members and how far the writing got. */
type Frame =
  | { kind: "array"; items: readonly unknown[]; next: number }
  | { kind: "object"; entries: ReadonlyArray<readonly [string, unknown]>; next: number; first: boolean };

/** Whether JSON.stringify leaves the value out of an object (and writes null for it in an array). */
const omitted = (value: unknown): boolean => value === undefined || typeof value === "function" || typeof value === "symbol";

/** A container JSON.stringify may write in one call: at most FLAT_MEMBERS members, none of them a container. */
function isFlat(value: object): boolean {
  const members = Array.isArray(value) ? value : Object.values(value);
  if (members.length > FLAT_MEMBERS) return false;
  for (const member of members) if (typeof member === "object" && member !== null) return false;
  return true;
}

/**
 * JSON.stringify's text of plain data (objects, arrays, strings, numbers, booleans, null; members that are
 * undefined or functions left out, or null in arrays, as JSON.stringify does), made in slices of SLICE_MS that
 * yield to the event loop between them, so a 1M-code tenant's snapshot does not stall the other tenants' calls.
 * The text comes as chunks, one a slice, in order (their concatenation is the text): no single join or copy of a
 * text of many megabytes stalls the event loop either. Small containers of primitives are written by one native
 * JSON.stringify each, so the whole costs about what one JSON.stringify would. The caller keeps the value from
 * changing meanwhile (a snapshot runs in its tenant's turn).
 */
export async function stringifyInSlices(value: unknown, sliceMs = SLICE_MS): Promise<string[]> {
  const chunks: string[] = [];
  let parts: string[] = [];
  const stack: Frame[] = [];
  let sliceStarted = performance.now();
  let steps = 0;

  /** Writes `item`: at once when it is a primitive or flat, else as a frame the loop below goes through. */
  const open = (item: unknown): void => {
    if (typeof item !== "object" || item === null) {
      parts.push(JSON.stringify(item));
      return;
    }
    // A value with its own toJSON (a Date) and a flat container: one native call.
    if (("toJSON" in item && typeof item.toJSON === "function") || isFlat(item)) {
      parts.push(JSON.stringify(item));
      return;
    }
    if (Array.isArray(item)) {
      parts.push("[");
      stack.push({ kind: "array", items: item, next: 0 });
      return;
    }
    parts.push("{");
    stack.push({ kind: "object", entries: Object.entries(item), next: 0, first: true });
  };

  open(value);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame === undefined) break;
    if (frame.kind === "array") {
      const { items } = frame;
      if (frame.next >= items.length) {
        parts.push("]");
        stack.pop();
      } else {
        const end = primitiveRunEnd(items, frame.next);
        if (end > frame.next) {
          // A run of primitives in one native call (its brackets cut off).
          if (frame.next > 0) parts.push(",");
          parts.push(JSON.stringify(items.slice(frame.next, end)).slice(1, -1));
          frame.next = end;
        } else {
          const element = items[frame.next];
          if (frame.next > 0) parts.push(",");
          frame.next += 1;
          if (omitted(element)) parts.push("null");
          else open(element);
        }
      }
    } else {
      const entry = frame.entries[frame.next];
      if (entry === undefined) {
        parts.push("}");
        stack.pop();
      } else {
        frame.next += 1;
        const [key, member] = entry;
        if (!omitted(member)) {
          parts.push(frame.first ? "" : ",", JSON.stringify(key), ":");
          frame.first = false;
          open(member);
        }
      }
    }
    steps += 1;
    if (steps % STEPS_PER_CHECK === 0 && performance.now() - sliceStarted >= sliceMs) {
      chunks.push(parts.join(""));
      parts = [];
      await nextTurn();
      sliceStarted = performance.now();
    }
  }
  if (parts.length > 0 || chunks.length === 0) chunks.push(parts.join(""));
  return chunks;

}

/** Where the run of primitives starting at items[from] ends (from itself: items[from] is a container), at most FLAT_MEMBERS long. */
function primitiveRunEnd(items: readonly unknown[], from: number): number {
  const limit = Math.min(items.length, from + FLAT_MEMBERS);
  let end = from;
  while (end < limit) {
    const item = items[end];
    if (typeof item === "object" && item !== null) break;
    end += 1;
  }
  return end;
}
