import { z } from "zod";
import { SandboxEvent } from "./events.js";
import { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS } from "./scalars.js";

/**
 * What a tenant keeps beside its state (issue 12): its request journal, its domain event log and its rate
 * buckets, with the seq counters they go on from. A durable snapshot (`--data-dir`, `--store`) holds it next to
 * `GET /__sandbox/state`'s export, so a tenant rebuilt from the snapshot answers GET /__sandbox/requests,
 * GET /__sandbox/events (and its `since=`) and the rate limits as if it never stopped. Not part of any served
 * API (GET/PUT /__sandbox/state stays the export alone); kernel side: src/state/kernel/tenant-history.ts.
 */

/** An instant on a tenant's clock, epoch ms. */
const EpochMs = z.int().min(EARLIEST_INSTANT_MS).max(LATEST_INSTANT_MS);
const Seq = z.int().positive();

/** A journaled call as the tenant keeps it (bodies and headers as JSON text; null where the journal has none). */
export const HistoryJournalEntry = z.object({
  seq: Seq,
  at: EpochMs,
  provider: z.string(),
  method: z.string(),
  path: z.string(),
  query: z.string(),
  status: z.int(),
  requestBody: z.string().nullable(),
  responseBody: z.string().nullable(),
  headers: z.string(),
  durationMs: z.number().nonnegative(),
  operation: z.string().nullable(),
  nearestOperation: z.string().nullable(),
  fault: z.string().nullable(),
});
export type HistoryJournalEntry = z.infer<typeof HistoryJournalEntry>;

/** A domain event as the tenant keeps it: GET /__sandbox/events' event with `at` in epoch ms. */
export const HistoryEvent = SandboxEvent.extend({ seq: Seq, at: EpochMs });
export type HistoryEvent = z.infer<typeof HistoryEvent>;

/** A bounded log (journal, events): the entries kept (oldest first), how many were pushed out, the last seq given. */
function boundedLog<T extends z.ZodType<{ seq: number }>>(entry: T) {
  return z
    .object({
      seq: z.int().nonnegative().meta({ description: "The last seq given (the next entry gets seq + 1)" }),
      dropped: z.int().nonnegative().meta({ description: "Entries pushed out of the bounded log since it was last cleared" }),
      entries: z.array(entry),
    })
    .superRefine((log, ctx) => {
      let previous = 0;
      for (const [index, item] of log.entries.entries()) {
        if (item.seq <= previous) ctx.addIssue({ code: "custom", path: ["entries", index, "seq"], message: `seq ${item.seq} must be greater than the one before (${previous})` });
        if (item.seq > log.seq) ctx.addIssue({ code: "custom", path: ["entries", index, "seq"], message: `seq ${item.seq} is past the log's last seq ${log.seq}` });
        previous = item.seq;
      }
    });
}

/** A rate-limit token bucket: its name, the tokens left (fractional while refilling) and when it was last refilled. */
export const HistoryRateBucket = z.object({
  key: z.string().min(1),
  tokens: z.number().nonnegative(),
  updatedAt: EpochMs,
});
export type HistoryRateBucket = z.infer<typeof HistoryRateBucket>;

export const TenantHistoryData = z.object({
  journal: boundedLog(HistoryJournalEntry),
  events: boundedLog(HistoryEvent),
  rateBuckets: z.array(HistoryRateBucket).superRefine((buckets, ctx) => {
    const seen = new Set<string>();
    for (const [index, bucket] of buckets.entries()) {
      if (seen.has(bucket.key)) ctx.addIssue({ code: "custom", path: [index, "key"], message: `bucket "${bucket.key}" appears twice` });
      seen.add(bucket.key);
    }
  }),
});
export type TenantHistoryData = z.infer<typeof TenantHistoryData>;
