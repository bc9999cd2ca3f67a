import { z } from "zod";
import { SandboxInstant, SandboxJson } from "./scalars.js";

/**
 * The request headers the journal keeps, when sent: a fixed few that say how a client called (not all:
 * Host, Content-Length and tracing headers differ on every call; a short fixed list keeps each entry small
 * and its text shared between equal calls).
 */
export const JOURNALED_HEADERS = ["authorization", "content-type", "content-encoding", "accept", "user-agent", "x-request-id"] as const;

/** The journal's filters, all optional and combined with AND: exact values; `path` ending in `*` is a prefix. */
const JOURNAL_FILTERS = {
  provider: z.string().optional().meta({ description: "e.g. yoomoney" }),
  operation: z.string().optional().meta({ description: "The operation id from the provider's route table, e.g. campaignsCreate" }),
  method: z.string().optional().meta({ description: "HTTP method, case-insensitive" }),
  path: z.string().optional().meta({ description: "Exact path, or a prefix when it ends with *" }),
  status: z
    .string()
    .regex(/^[1-5](\d\d|xx)$/, { message: "status must be an HTTP status such as 404, or a class such as 4xx" })
    .optional()
    .meta({ description: "An HTTP status (404) or a class of them (4xx)" }),
  since: SandboxInstant.optional().meta({ description: "Calls at or after this instant of the tenant's virtual clock" }),
  until: SandboxInstant.optional().meta({ description: "Calls before this instant of the tenant's virtual clock" }),
};

/** `GET /__sandbox/requests/count` query: the journal's filters (unknown parameters are refused, so a typo does not silently count everything). */
export const SandboxRequestsCountQuery = z.strictObject(JOURNAL_FILTERS).meta({ id: "SandboxRequestsCountQuery" });
export type SandboxRequestsCountQuery = z.infer<typeof SandboxRequestsCountQuery>;

/** `GET /__sandbox/requests` query (unknown parameters are refused, so a typo does not silently match everything): the journal's filters and a limit. */
export const SandboxRequestsQuery = z
  .strictObject({
    ...JOURNAL_FILTERS,
    limit: z
      .string()
      .regex(/^[1-9]\d{0,6}$/, { message: "limit must be a whole number from 1 to 9999999" })
      .optional()
      .meta({ description: "Keep only the newest N matches (still listed oldest first)" }),
  })
  .meta({ id: "SandboxRequestsQuery" });
export type SandboxRequestsQuery = z.infer<typeof SandboxRequestsQuery>;

export const SandboxJournalEntry = z
  .object({
    seq: z.int().positive(),
    at: SandboxInstant,
    provider: z.string(),
    method: z.string(),
    path: z.string(),
    query: z.string().meta({ description: "The raw query string without ?, or empty" }),
    status: z.int(),
    requestBody: SandboxJson.meta({ description: "The parsed request body, or null when there was none" }),
    responseBody: SandboxJson.meta({ description: "The response body, or null when it was empty" }),
    headers: z
      .record(z.string(), z.string())
      .meta({
        description: `The request headers the journal keeps, when sent (${JOURNALED_HEADERS.join(", ")}), names in lower case; authorization masked, e.g. "Bearer ab…(masked)"`,
      }),
    durationMs: z.number().nonnegative().meta({ description: "Real milliseconds from the request's arrival to its answer" }),
    operation: z.string().nullable().meta({ description: "The operation id from the provider's route table; null when the call matched none" }),
    nearestOperation: z
      .string()
      .nullable()
      .meta({ description: "For a 404 or 405: the operation whose path is nearest to the one called (by edit distance); otherwise null" }),
    fault: z.string().nullable().meta({ description: "The fault applied to the call, or null" }),
  })
  .meta({ id: "SandboxJournalEntry" });
export type SandboxJournalEntry = z.infer<typeof SandboxJournalEntry>;

export const SandboxRequests = z
  .object({
    requests: z.array(SandboxJournalEntry).meta({ description: "Oldest first" }),
    dropped: z.int().nonnegative().meta({ description: "Entries pushed out of the bounded journal since it was last cleared" }),
  })
  .meta({ id: "SandboxRequests" });
export type SandboxRequests = z.infer<typeof SandboxRequests>;

export const SandboxRequestsCount = z
  .object({ count: z.int().nonnegative().meta({ description: "How many journaled calls match the filters" }) })
  .meta({ id: "SandboxRequestsCount" });
export type SandboxRequestsCount = z.infer<typeof SandboxRequestsCount>;
