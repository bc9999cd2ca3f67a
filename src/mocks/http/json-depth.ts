/**
 * How deep a JSON body may nest. The providers' real bodies are three or four levels deep and a state
 * snapshot about ten; anything deeper is refused before it is parsed, so no recursive walk (the journal,
 * the contracts, a snapshot import) ever meets a body deep enough to exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** The JSON structural characters the scanners here and in sliced-json.ts look for (ASCII, so bytes and UTF-16 code units alike). */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const OPEN_BRACE = 0x7b;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACE = 0x7d;
export const CLOSE_BRACKET = 0x5d;

/**
 * Whether the JSON text in `bytes` opens more than `limit` objects and arrays inside each other. One pass
 * over the bytes without recursion, whether the text is valid JSON or not (brackets inside strings do
 * not count).
 */
export function nestsDeeperThan(bytes: Uint8Array, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
