import { HTTP_METHODS, type HttpMethod, type RouteTable } from "../../contracts/http/route.js";

/** What a path and method find in a route table. */
export type RouteMatch<Id extends string> =
  /** An operation, with its path parameters as sent (not decoded). */
  | { kind: "route"; id: Id; params: Readonly<Record<string, string>> }
  /** The path is served, but not with this method: the methods it takes, in HTTP_METHODS order. */
  | { kind: "method"; allow: readonly HttpMethod[] }
  | { kind: "none" };

interface Templated<Id extends string> {
  pattern: RegExp;
  names: readonly string[];
  byMethod: Map<string, Id>;
}

const isMethod = (method: string): method is HttpMethod => HTTP_METHODS.some((known) => known === method);

function allowOf(byMethod: ReadonlyMap<string, string>): readonly HttpMethod[] {
  return HTTP_METHODS.filter((method) => byMethod.has(method));
}

function templateOf(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (param?.[1] === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(param[1]);
      return "([^/]+)";
    })
    .join("");
  return { pattern: new RegExp(`^${source}$`), names };
}

/**
 * A route table compiled for lookups: fixed paths in a map (one lookup per call), templated ones as
 * patterns tried in table order. HEAD finds the GET operation of its path (Node sends no body with it).
 */
export function compileRoutes<T extends RouteTable>(table: T): (method: string, path: string) => RouteMatch<Extract<keyof T, string>> {
  type Id = Extract<keyof T, string>;
  const fixed = new Map<string, Map<string, Id>>();
  const templated: Templated<Id>[] = [];
  for (const id of Object.keys(table)) {
    const spec = table[id];
    if (spec === undefined || !isOwnId<T>(table, id)) continue;
    if (!spec.path.includes("{")) {
      const byMethod = fixed.get(spec.path) ?? new Map<string, Id>();
      byMethod.set(spec.method, id);
      fixed.set(spec.path, byMethod);
      continue;
    }
    const { pattern, names } = templateOf(spec.path);
    const same = templated.find((entry) => entry.pattern.source === pattern.source);
    if (same !== undefined) same.byMethod.set(spec.method, id);
    else templated.push({ pattern, names, byMethod: new Map([[spec.method, id]]) });
  }

  const pick = (byMethod: ReadonlyMap<string, Id>, method: string, params: Readonly<Record<string, string>>): RouteMatch<Id> => {
    const id = byMethod.get(method) ?? (method === "HEAD" ? byMethod.get("GET") : undefined);
    if (id !== undefined && (isMethod(method) || method === "HEAD")) return { kind: "route", id, params };
    return { kind: "method", allow: allowOf(byMethod) };
  };

  const noParams: Readonly<Record<string, string>> = Object.freeze({});
  return (method, path) => {
    const byMethod = fixed.get(path);
    if (byMethod !== undefined) return pick(byMethod, method, noParams);
    for (const entry of templated) {
      const found = entry.pattern.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      entry.names.forEach((name, index) => {
        params[name] = found[index + 1] ?? "";
      });
      return pick(entry.byMethod, method, params);
    }
    return { kind: "none" };
  };
}

function isOwnId<T extends RouteTable>(table: T, id: string): id is Extract<keyof T, string> {
  return Object.hasOwn(table, id);
}
