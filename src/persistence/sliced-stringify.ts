import { setImmediate as nextTurn } from "node:timers/promises";

/** Wall time one slice of serialisation may take before it yields to the event loop. */
export const SLICE_MS = 4;

/**
 * Values (objects, arrays and primitives, counted one each) one native JSON.stringify may take: a subtree this
 * small, or a run of array elements this small together, is written by one call, at native speed and with a
 * bounded pause (about 0.1 ms).
 */
const NATIVE_BUDGET = 4096;

/** How many serialisation steps run between two looks at the clock. */
const STEPS_PER_CHECK = 16;

/** An array or object being written: its members and how far the writing got. */
type Frame =
  | { kind: "array"; items: readonly unknown[]; next: number }
  | { kind: "object"; entries: ReadonlyArray<readonly [string, unknown]>; next: number; first: boolean };

/** Whether JSON.stringify leaves the value out of an object (and writes null for it in an array). */
const omitted = (value: unknown): boolean => value === undefined || typeof value === "function" || typeof value === "symbol";

/** A value JSON.stringify writes through its own toJSON (a Date): one value, whatever it holds. */
const hasToJson = (value: object): boolean => "toJSON" in value && typeof value.toJSON === "function";

/**
 * How many values `value` holds (itself included), counting no further than `budget`: a result above it means
 * "too large for one native call". Stops as soon as the budget is spent, so a million-element array costs
 * `budget` steps to rule out.
 */
function sizeWithin(value: unknown, budget: number): number {
  if (typeof value !== "object" || value === null || hasToJson(value)) return 1;
  let size = 1;
  if (Array.isArray(value)) {
    for (const item of value) {
      size += sizeWithin(item, budget - size);
      if (size > budget) return size;
    }
    return size;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    size += 1 + sizeWithin(Reflect.get(value, key), budget - size);
    if (size > budget) return size;
  }
  return size;
}

/**
 * JSON.stringify's text of plain data (objects, arrays, strings, numbers, booleans, null; members that are
 * undefined or functions left out, or null in arrays, as JSON.stringify does), made in slices of SLICE_MS that
 * yield to the event loop between them, so a 1M-code tenant's snapshot does not stall the other tenants' calls.
 * The text comes as chunks, one a slice, in order (their concatenation is the text): no single join or copy of a
 * text of many megabytes stalls the event loop either. Subtrees of up to NATIVE_BUDGET values, and runs of array
 * elements as small together, are written by one native JSON.stringify each, so the whole costs little more than
 * one JSON.stringify would. The caller keeps the value from changing meanwhile (a snapshot runs in its tenant's turn).
 */
export async function stringifyInSlices(value: unknown, sliceMs = SLICE_MS): Promise<string[]> {
  const chunks: string[] = [];
  let parts: string[] = [];
  const stack: Frame[] = [];

  /** Starts a container too large for one native call: a frame the loop below goes through. */
  const enter = (item: object): void => {
    if (Array.isArray(item)) {
      parts.push("[");
      stack.push({ kind: "array", items: item, next: 0 });
      return;
    }
    parts.push("{");
    stack.push({ kind: "object", entries: Object.entries(item), next: 0, first: true });
  };

  /** Writes `item`: at once when it is small, else as a frame. */
  const open = (item: unknown): void => {
    if (typeof item !== "object" || item === null || sizeWithin(item, NATIVE_BUDGET) <= NATIVE_BUDGET) parts.push(JSON.stringify(item));
    else enter(item);
  };

  let sliceStarted = performance.now();
  let steps = 0;
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
        // The elements from `next` that fit in one native call together (their brackets cut off); or, when the
        // first alone does not, that one as a frame of its own.
        let end = frame.next;
        let size = 0;
        while (end < items.length) {
          const grown = size + sizeWithin(items[end], NATIVE_BUDGET - size);
          if (grown > NATIVE_BUDGET) break;
          size = grown;
          end += 1;
        }
        if (frame.next > 0) parts.push(",");
        if (end > frame.next) {
          parts.push(JSON.stringify(items.slice(frame.next, end)).slice(1, -1));
          frame.next = end;
        } else {
          // Too large alone, so a container (a primitive or an omitted value counts one): entered without measuring it again.
          const element = items[frame.next];
          frame.next += 1;
          if (typeof element === "object" && element !== null) enter(element);
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
