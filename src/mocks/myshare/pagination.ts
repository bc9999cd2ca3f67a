import type { Request } from "express";

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

/**
 * DRF's PageNumberPagination with page_size_query_param: ?page (default 1; anything else not a page
 * number is "Invalid page.") and ?page_size (1-100, else the default 10). next and previous are absolute
 * links built from the request's host.
 */
export function paginate<T>(req: Request, items: readonly T[]): Page<T> {
  const at = req.originalUrl.indexOf("?");
  const params = new URLSearchParams(at === -1 ? "" : req.originalUrl.slice(at + 1));
  const sizeParam = params.get("page_size");
  const size = Math.min(positiveInt(sizeParam) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const pageParam = params.get("page");
  const page = pageParam === null || pageParam === "last" ? (pageParam === "last" ? pages : 1) : positiveInt(pageParam);
  if (page === undefined || page > pages) return { ok: false };
  const base = `${req.protocol}://${req.get("host") ?? "localhost"}${at === -1 ? req.originalUrl : req.originalUrl.slice(0, at)}`;
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
