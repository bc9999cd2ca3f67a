import type { JsonValue } from "../../state/kernel/json.js";
import type { Router } from "express";
import { SandboxRequests, SandboxRequestsQuery } from "../../contracts/sandbox/journal.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { JournalEntry } from "../../state/kernel/tenant.js";
import type { SandboxContext } from "../http/context.js";
import { iso } from "./instant.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

function matches(entry: JournalEntry, query: SandboxRequestsQuery): boolean {
  if (query.provider !== undefined && entry.provider !== query.provider) return false;
  if (query.method !== undefined && entry.method.toUpperCase() !== query.method.toUpperCase()) return false;
  if (query.path !== undefined) {
    if (query.path.endsWith("*")) return entry.path.startsWith(query.path.slice(0, -1));
    return entry.path === query.path;
  }
  return true;
}

/** The journal keeps bodies as JSON text; they are parsed back only when the journal is read. */
function parsedBody(text: string | undefined): JsonValue {
  if (text === undefined) return null;
  const value: JsonValue = JSON.parse(text);
  return value;
}

/** `GET`/`DELETE /requests`: the tenant's journal of provider calls (control-plane calls are not in it). */
export function journalRoutes(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/requests", {
    GET: withTenant(ctx, (req, res, tenant) => {
      const parsed = SandboxRequestsQuery.safeParse(req.query);
      if (!parsed.success) {
        fail(
          ctx,
          req,
          res,
          400,
          "invalid_query",
          `GET /__sandbox/requests takes provider, method, path (exact, or a prefix ending in *) and limit (a whole number >= 1), each at most once: ${describeIssues(parsed.error)}`,
        );
        return;
      }
      const query = parsed.data;
      const found = tenant.journal.toArray().filter((entry) => matches(entry, query));
      const kept = query.limit === undefined ? found : found.slice(-Number(query.limit));
      const requests = kept.map((e) => ({
        seq: e.seq,
        at: iso(e.at),
        provider: e.provider,
        method: e.method,
        path: e.path,
        query: e.query,
        status: e.status,
        requestBody: parsedBody(e.requestBody),
        responseBody: parsedBody(e.responseBody),
      }));
      reply(ctx, req, res, 200, { requests, dropped: tenant.journal.droppedCount }, SandboxRequests);
    }),
    DELETE: withTenant(ctx, (req, res, tenant) => {
      tenant.journal.clear();
      reply(ctx, req, res, 204, undefined, undefined);
    }),
  });
}
