import type { CallInput } from "../mocks/http/call-input.js";

/**
 * When a tenant's log is snapshotted (and the segments the snapshot covers deleted). Two costs pull apart: a
 * snapshot serialises the whole tenant, so taking one every N calls makes each call pay for the whole state
 * (a 5 MB Wildberries payment history every 10,000 top-ups halved their throughput); and each entry left in
 * the log is replayed at the next start. So a snapshot waits until the log since the last one is a share of
 * that snapshot's size (each call then pays for about twice its own bytes of serialisation, whatever the
 * state's size), and is taken anyway past a number of entries (the replay at start stays bounded) or of bytes.
 */
export interface SnapshotPolicy {
  /** No snapshot before this many entries since the last one, or minBytes of them. */
  minEntries: number;
  /** No snapshot before this many bytes of input since the last one, or minEntries of them (a few large uploads). */
  minBytes: number;
  /** A snapshot once this many entries came since the last one, whatever the sizes (the replay bound). */
  maxEntries: number;
  /** A snapshot once the entries since the last one hold this many bytes of input. */
  maxBytes: number;
  /** Past minEntries or minBytes, a snapshot once the entries' bytes since the last one reach this share of its size. */
  logShare: number;
}

/**
 * The defaults. Replaying an entry costs 17-55 µs (100,000 Wildberries top-ups in 1.7 s; 25,000 one-code add-pins
 * on a 1M-code campaign in 0.7-1.4 s), loading a snapshot about 0.1 µs a character (a 1M-code tenant's 14 MB in
 * 1-1.5 s): at most 15,000 entries keep a start within about 0.8 s of replay on top of loading the snapshots
 * (docs/performance.md, the restart rows).
 */
export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = {
  minEntries: 10_000,
  minBytes: 8 * 1024 * 1024,
  maxEntries: 15_000,
  maxBytes: 64 * 1024 * 1024,
  logShare: 0.5,
};

/** A snapshot every `entries` entries, whatever the sizes (tests and benches that want snapshots often). */
export function snapshotEvery(entries: number): SnapshotPolicy {
  return { ...DEFAULT_SNAPSHOT_POLICY, minEntries: entries, minBytes: DEFAULT_SNAPSHOT_POLICY.maxBytes, maxEntries: entries };
}

/** What a tenant's log holds since its last snapshot, and that snapshot's size in characters (0: none yet). */
export interface SinceSnapshot {
  entries: number;
  bytes: number;
  snapshotChars: number;
}

/** Whether the tenant's log is due for a snapshot. */
export function snapshotDue(policy: SnapshotPolicy, since: SinceSnapshot): boolean {
  if (since.entries >= policy.maxEntries || since.bytes >= policy.maxBytes) return true;
  return (since.entries >= policy.minEntries || since.bytes >= policy.minBytes) && since.bytes >= since.snapshotChars * policy.logShare;
}

/** About what an entry of `input` takes in the log: its URL, header values and body, and the entry's own fields. */
export function entryBytes(input: CallInput): number {
  let bytes = ENTRY_OVERHEAD + input.url.length;
  for (const value of Object.values(input.headers)) bytes += value.length + HEADER_OVERHEAD;
  const body = input.body;
  if (body !== null) bytes += "text" in body ? body.text.length : "base64" in body ? body.base64.length : 0;
  return bytes;
}

/** An entry's fields around its input (seq, at, order, the CRC, pipeline, method: about 110 characters). */
const ENTRY_OVERHEAD = 110;
/** A header's name, quotes and separators. */
const HEADER_OVERHEAD = 20;
