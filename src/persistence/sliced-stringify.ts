import { setImmediate as nextTurn } from "node:timers/promises";

/** Wall time one slice of serialisation may take before it yields to the event loop. */
const SLICE_MS = 4;

/**
 * JSON.stringify's text for plain data (objects, arrays, strings, numbers, booleans, null; undefined members
 * left out as JSON.stringify does), built in slices that yield to the event loop every SLICE_MS, so a
 * 1M-code tenant's snapshot does not stall the other tenants' calls. The caller keeps the value from
 * changing meanwhile (the snapshot runs in its tenant's turn).
 */
export async function stringifyInSlices(value: unknown): Promise<string> {
  const parts: string[] = [];
  let sliceStarted = performance.now();
  let count = 0;
  const pause = async (): Promise<void> => {
    count += 1;
    if ((count & 0xff) !== 0 || performance.now() - sliceStarted < SLICE_MS) return;
    await nextTurn();
    sliceStarted = performance.now();
  };
  const write = async (item: unknown): Promise<void> => {
    if (Array.isArray(item)) {
      parts.push("[");
      for (let i = 0; i < item.length; i++) {
        if (i > 0) parts.push(",");
        const element: unknown = item[i];
        if (element === undefined || typeof element === "function") parts.push("null");
        else await write(element);
        await pause();
      }
      parts.push("]");
      return;
    }
    if (typeof item === "object" && item !== null) {
      parts.push("{");
      let first = true;
      for (const [key, member] of Object.entries(item)) {
        if (member === undefined || typeof member === "function") continue;
        parts.push(first ? "" : ",", JSON.stringify(key), ":");
        first = false;
        await write(member);
      }
      parts.push("}");
      return;
    }
    parts.push(JSON.stringify(item));
  };
  await write(value);
  return parts.join("");
}
