/**
 * Characters per chunk of a snapshot's text in Redis: each chunk is one write (and, with appendfsync always,
 * one fsync) that other tenants' calls wait behind. While a 50 MB text was saved in one script, another
 * tenant's appends waited up to 440 ms; in 1 MiB chunks up to 60 ms; in 64 Ki chunks p95 6-12 ms (a loaded
 * 2-core machine; a bench should pin this down). The save takes about 1-3 s, off the hot path.
 */
export const SNAPSHOT_CHUNK_CHARS = 1 << 16;
/** How many chunks one read asks for (about 1 MiB characters a reply). */
export const SNAPSHOT_CHUNKS_PER_READ = 16;

/**
 * A text given in chunks (stringifyInSlices' slices, each whole JSON tokens, so never half a surrogate pair) cut
 * into Redis's pieces: each chunk in pieces of at most `size` characters, empty chunks left out (one "" piece for
 * an empty text).
 */
export function splitChunks(chunks: readonly string[], size = SNAPSHOT_CHUNK_CHARS): string[] {
  const pieces = chunks.filter((chunk) => chunk !== "").flatMap((chunk) => splitText(chunk, size));
  return pieces.length === 0 ? [""] : pieces;
}

/**
 * `text` cut into pieces of at most `size` characters (at least one piece, "" for an empty text), never between
 * the two halves of a surrogate pair: each piece is valid UTF-16 on its own, so it survives the UTF-8 round trip.
 */
export function splitText(text: string, size = SNAPSHOT_CHUNK_CHARS): string[] {
  if (size < 2) throw new Error(`splitText: the size must be at least 2 characters, not ${size}`);
  const pieces: string[] = [];
  let start = 0;
  do {
    let end = Math.min(start + size, text.length);
    const before = text.charCodeAt(end - 1);
    if (end < text.length && before >= 0xd800 && before <= 0xdbff) end--;
    pieces.push(text.slice(start, end));
    start = end;
  } while (start < text.length);
  return pieces;
}
