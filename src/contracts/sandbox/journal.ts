import { z } from "zod";
import { SandboxInstant, SandboxJson } from "./scalars.js";

/** `GET /__sandbox/requests` query (unknown parameters are refused, so a typo does not silently match everything): exact filters; `path` ending in `*` is a prefix. */
export const SandboxRequestsQuery = z
  .strictObject({
    provider: z.string().optional().meta({ description: "e.g. yoomoney" }),
    method: z.string().optional().meta({ description: "HTTP method, case-insensitive" }),
    path: z.string().optional().meta({ description: "Exact path, or a prefix when it ends with *" }),
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
