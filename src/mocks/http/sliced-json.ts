import { setImmediate as nextTurn } from "node:timers/promises";
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from "./json-depth.js";

/** Where one top-level member's array stands in a JSON object text: its brackets and the commas between its elements. */
interface LongArray {
  open: number;
  close: number;
  commas: number[];
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/**
 * Finds the array that the top-level object's member `key` holds, in one pass without recursion. Only
 * the plain case is found: the text is an object, `key` is written without escapes, it occurs once at
 * the top level, and its value is an array. Anything else is undefined (the caller parses the text whole).
 */
function findLongArray(text: string, key: string): LongArray | undefined {
  const quoted = JSON.stringify(key);
  let depth = 0;
  let inString = false;
  let stringStart = -1;
  let lastString = "";
  let pendingKey = false;
  let found: LongArray | undefined;
  let current: LongArray | undefined;
  let occurrences = 0;
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== OPEN_BRACE) return undefined;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) {
        inString = false;
        if (depth === 1) lastString = text.slice(stringStart, i + 1);
      }
      continue;
    }
    if (code === QUOTE) {
      inString = true;
      stringStart = i;
    } else if (code === COLON && depth === 1) {
      pendingKey = lastString === quoted;
      if (pendingKey) occurrences++;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && code === OPEN_BRACKET && pendingKey) current = { open: i, close: -1, commas: [] };
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth === 2 && current !== undefined && code === CLOSE_BRACKET) {
        current.close = i;
        found = current;
        current = undefined;
      }
      depth--;
    } else if (code === COMMA) {
      if (depth === 2 && current !== undefined) current.commas.push(i);
      if (depth === 1) pendingKey = false;
    }
  }
  return occurrences === 1 ? found : undefined;
}

/**
 * JSON.parse of an object text with one long array member (`key`), parsed in slices of `perSlice`
 * elements with a turn of the event loop between them, so other calls are served while a large upload
 * is parsed. The value is exactly JSON.parse's; a text that is not plain (see findLongArray) or not valid
 * is parsed whole by JSON.parse, which throws its own error.
 */
export async function parseJsonInSlices(text: string, key: string, perSlice: number): Promise<unknown> {
  const array = findLongArray(text, key);
  if (array === undefined || array.commas.length < perSlice) return JSON.parse(text);
  let skeleton: unknown;
  const elements: unknown[] = [];
  try {
    skeleton = JSON.parse(`${text.slice(0, array.open)}[]${text.slice(array.close + 1)}`);
    const bounds = [array.open, ...array.commas, array.close];
    for (let first = 0; first < bounds.length - 1; first += perSlice) {
      if (first > 0) await nextTurn();
      const last = Math.min(first + perSlice, bounds.length - 1);
      const part: unknown = JSON.parse(`[${text.slice((bounds[first] ?? 0) + 1, bounds[last])}]`);
      // A slice with fewer elements than its commas promise ("[1,]") is not valid JSON as a whole.
      if (!Array.isArray(part) || part.length !== last - first) return JSON.parse(text);
      for (const element of part) elements.push(element);
    }
  } catch {
    return JSON.parse(text);
  }
  if (typeof skeleton !== "object" || skeleton === null || Array.isArray(skeleton)) return JSON.parse(text);
  Object.defineProperty(skeleton, key, { value: elements, enumerable: true, writable: true, configurable: true });
  return skeleton;
}
