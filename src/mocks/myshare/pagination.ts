import type { IncomingMessage } from "node:http";
import type { Exchange } from "../http/exchange.js";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

export type Page<T> = { ok: true; count: number; next: string | null; previous: string | null; results: T[] } | { ok: false };

/** Python's urlencode of sorted pairs, as DRF's replace_query_param writes the next/previous links. */
function withQuery(base: string, params: URLSearchParams): string {
  const pairs = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  return query === "" ? base : `${base}?${query}`;
}

/** A whole number >= 1, as DRF's _positive_int(strict=True) reads it; undefined otherwise. */
function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\s*\+?\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/** The request's scheme as express's req.protocol reads it (no proxy trusted): https on a TLS socket, else http. */
function protocolOf(req: IncomingMessage): string {
  const socket = req.socket;
  return "encrypted" in socket && socket.encrypted === true ? "https" : "http";
}

/**
 * DRF's PageNumberPagination with page_size_query_param: ?page (default 1; anything else not a page
 * number is "Invalid page.") and ?page_size (1-100, else the default 10). next and previous are absolute
 * links built from the request's host.
 */
export function paginate<T>(exchange: Exchange, items: readonly T[]): Page<T> {
  const params = new URLSearchParams(exchange.query);
  const sizeParam = params.get("page_size");
  const size = Math.min(positiveInt(sizeParam) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const pageParam = params.get("page");
  const page = pageParam === null || pageParam === "last" ? (pageParam === "last" ? pages : 1) : positiveInt(pageParam);
  if (page === undefined || page > pages) return { ok: false };
  const base = `${protocolOf(exchange.req)}://${exchange.req.headers.host ?? "localhost"}${exchange.path}`;
  const link = (n: number): string => {
    const copy = new URLSearchParams(params);
    if (n === 1) copy.delete("page");
    else copy.set("page", String(n));
    return withQuery(base, copy);
  };
  return {
    ok: true,
    count: items.length,
    next: page < pages ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: items.slice((page - 1) * size, page * size),
  };
}
