/**
 * Where and why Python's json module (which DRF's JSONParser uses) rejects a text, with its message:
 * "Expecting value: line 1 column 1 (char 0)". A small scanner that follows json.decoder step by step,
 * so the reason and position match what the real API says. NaN and Infinity, which Python accepts,
 * are refused here (JavaScript cannot carry them).
 */
class DecodeError {
  constructor(
    readonly msg: string,
    readonly pos: number,
  ) {}
}

const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

function skipWs(s: string, i: number): number {
  let j = i;
  while (j < s.length && WS.has(s.charAt(j))) j++;
  return j;
}

function scanString(s: string, afterQuote: number): number {
  const begin = afterQuote - 1;
  let i = afterQuote;
  for (;;) {
    if (i >= s.length) throw new DecodeError("Unterminated string starting at", begin);
    const c = s.charAt(i);
    if (c === '"') return i + 1;
    if (c === "\\") {
      const e = s.charAt(i + 1);
      if (e === "") throw new DecodeError("Unterminated string starting at", begin);
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) throw new DecodeError("Invalid \\uXXXX escape", i);
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) throw new DecodeError("Invalid \\escape", i);
      i += 2;
      continue;
    }
    if (c.charCodeAt(0) < 0x20) throw new DecodeError("Invalid control character at", i);
    i++;
  }
}

/** scan_once: the end of the value starting at i, or "Expecting value" at i. */
function scanValue(s: string, i: number): number {
  const c = s.charAt(i);
  if (c === '"') return scanString(s, i + 1);
  if (c === "{") return scanObject(s, i + 1);
  if (c === "[") return scanArray(s, i + 1);
  for (const word of ["null", "true", "false"]) if (s.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  if (NUMBER.exec(s) !== null) return NUMBER.lastIndex;
  throw new DecodeError("Expecting value", i);
}

function scanObject(s: string, start: number): number {
  let end = skipWs(s, start);
  if (s.charAt(end) === "}") return end + 1;
  if (s.charAt(end) !== '"') throw new DecodeError("Expecting property name enclosed in double quotes", end);
  end += 1;
  for (;;) {
    end = scanString(s, end);
    end = skipWs(s, end);
    if (s.charAt(end) !== ":") throw new DecodeError("Expecting ':' delimiter", end);
    end = skipWs(s, end + 1);
    end = scanValue(s, end);
    end = skipWs(s, end);
    const next = s.charAt(end);
    end += 1;
    if (next === "}") return end;
    if (next !== ",") throw new DecodeError("Expecting ',' delimiter", end - 1);
    end = skipWs(s, end);
    const quote = s.charAt(end);
    end += 1;
    if (quote !== '"') throw new DecodeError("Expecting property name enclosed in double quotes", end - 1);
  }
}

function scanArray(s: string, start: number): number {
  let end = skipWs(s, start);
  if (s.charAt(end) === "]") return end + 1;
  for (;;) {
    end = scanValue(s, end);
    end = skipWs(s, end);
    const next = s.charAt(end);
    end += 1;
    if (next === "]") return end;
    if (next !== ",") throw new DecodeError("Expecting ',' delimiter", end - 1);
    end = skipWs(s, end);
  }
}

function format(s: string, error: DecodeError): string {
  const before = s.slice(0, error.pos);
  const line = before.split("\n").length;
  const column = error.pos - before.lastIndexOf("\n");
  return `${error.msg}: line ${line} column ${column} (char ${error.pos})`;
}

/**
 * Python's json.loads error message for `text`, or undefined when Python would accept it. The scanner
 * recurses once per nesting level: callers refuse deep texts first (MAX_JSON_DEPTH).
 */
export function pythonJsonError(text: string): string | undefined {
  try {
    if (text.startsWith("\ufeff")) throw new DecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    const end = skipWs(text, scanValue(text, skipWs(text, 0)));
    if (end !== text.length) throw new DecodeError("Extra data", end);
    return undefined;
  } catch (error) {
    if (error instanceof DecodeError) return format(text, error);
    throw error;
  }
}
