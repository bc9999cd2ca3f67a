import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import type { Tenant } from "../../state/kernel/tenant.js";

/** One request and its response as the pipeline sees them, with the URL split once. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** The path as sent, without the query, not decoded. */
  path: string;
  /** The query string without its `?` ("" when none). */
  query: string;
  /** The parsed request body, for the journal (undefined when none was read or it did not parse). */
  journalBody: unknown;
  /** The tenant the call's token named, once the pipeline has checked it (its journal, its open calls). */
  tenant: Tenant | undefined;
}

/** An exchange for a request as it arrives. */
export function exchangeOf(req: IncomingMessage, res: ServerResponse): Exchange {
  const url = req.url ?? "/";
  const at = url.indexOf("?");
  return {
    req,
    res,
    method: req.method ?? "GET",
    path: at === -1 ? url : url.slice(0, at),
    query: at === -1 ? "" : url.slice(at + 1),
    journalBody: undefined,
    tenant: undefined,
  };
}

/** Query parameters, each its first value (`?id=1&id=2` gives "1"), decoded as express's simple parser does. */
export function firstValues(query: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (query === "") return out;
  for (const [key, value] of Object.entries(parseQuery(query))) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}
