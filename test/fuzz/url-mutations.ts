import fc from "fast-check";
import { choose } from "./json-tree.js";
import { mutation, type Mutation } from "./mutation.js";

/** Values written raw into a query or a path segment (already as they go on the wire). */
const BAD_VALUES = [
  "%ZZ",
  "%",
  "%E0%A4%A",
  "%C0%AE",
  "%00",
  "%0D%0A",
  "..",
  ".",
  "%2e%2e",
  "%2F",
  "a%2Fb",
  "",
  "%20",
  "x".repeat(8_000),
  "x".repeat(20_000),
  encodeURIComponent("я😀\u0000\u202e"),
  "1e308",
  "-0",
  "9007199254740993",
  "-1",
  "0",
  "1.5",
  "NaN",
  "Infinity",
  "0x10",
  "true",
  "null",
  "undefined",
  "%5B%5D",
  "%7B%7D",
  "__proto__",
  "constructor",
  "toString",
] as const;

type QueryForm = "replace" | "repeat" | "brackets" | "nested" | "bare" | "proto";

function queryPairs(name: string, value: string, form: QueryForm): string[] {
  switch (form) {
    case "replace":
      return [`${name}=${value}`];
    case "repeat":
      return [`${name}=1`, `${name}=${value}`];
    case "brackets":
      return [`${name}[]=${value}`];
    case "nested":
      return [`${name}[a][b]=${value}`];
    case "bare":
      return [name];
    case "proto":
      return [`__proto__[polluted]=${value}`, `constructor[prototype][polluted]=${value}`, `${name}=${value}`];
  }
}

export const URL_MUTATIONS: readonly Mutation[] = [
  mutation({
    name: "bad-query",
    choices: fc.tuple(fc.nat(), fc.constantFrom(...BAD_VALUES), fc.constantFrom<QueryForm>("replace", "repeat", "brackets", "nested", "bare", "proto")),
    apply: (draft, [pick, value, form]) => {
      const names = [...draft.query.map((pair) => pair.split("=")[0] ?? ""), "id", "limit"];
      const name = choose(names, pick);
      const kept = draft.query.filter((pair) => pair.split("=")[0] !== name);
      return { ...draft, query: [...kept, ...queryPairs(name, value, form)] };
    },
  }),
  mutation({
    name: "bad-path-id",
    appliesTo: (operation) => operation.pathParams.length > 0,
    // A dozen operations have a path id: more requests each, so the bounded run sees most bad values.
    weight: 8,
    choices: fc.tuple(fc.nat(), fc.constantFrom(...BAD_VALUES)),
    apply: (draft, [pick, value]) => {
      const name = choose(Object.keys(draft.params), pick);
      return { ...draft, params: { ...draft.params, [name]: value } };
    },
  }),
];

const BAD_TOKENS = [
  "",
  "Bearer",
  "Bearer ",
  "Bearer: ",
  "Bearer  two spaces",
  "Basic Zm9vOmJhcg==",
  "x".repeat(8_000),
  "\u0080\u00ff\u00fe",
  "%ZZ",
  "../..",
  "__proto__",
  "constructor",
  "toString",
  "null",
] as const;

export const AUTH_MUTATIONS: readonly Mutation[] = [
  mutation({
    name: "no-token",
    choices: fc.constant(undefined),
    apply: (draft) => ({ ...draft, token: undefined }),
  }),
  mutation({
    name: "bad-token",
    choices: fc.constantFrom(...BAD_TOKENS),
    apply: (draft, token) => ({ ...draft, token }),
  }),
];
