import type { HttpMethod, RouteTable } from "../http/route.js";
import { HTTP_METHODS } from "../http/route.js";

/**
 * DRF's `Allow` header of a path: its methods in DRF's order (http_method_names: get, post, put, patch,
 * delete), HEAD wherever GET is. DRF also lists OPTIONS; the sandbox does not serve OPTIONS, so it does
 * not list it.
 */
export function allowHeader(methods: readonly HttpMethod[]): string {
  const ordered: string[] = HTTP_METHODS.filter((method) => methods.includes(method));
  if (ordered.includes("GET")) ordered.push("HEAD");
  return ordered.join(", ");
}

/** The methods a table serves at `path` (as the table writes it: "/catalog/{id}/"). */
export function methodsAt(table: RouteTable, path: string): HttpMethod[] {
  return Object.values(table).flatMap((spec) => (spec.path === path ? [spec.method] : []));
}
