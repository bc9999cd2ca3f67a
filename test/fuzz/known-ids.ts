import fc from "fast-check";
import type { KnownIds } from "./canary.js";
import { choose, isJsonObject, placesIn, replaceAt } from "./json-tree.js";
import { mutation, type Mutation } from "./mutation.js";
import { withJsonBody, type Draft } from "./request-draft.js";

/** Every field, path id and query value named like an id the fuzz tenant holds gets one of those ids. */
function withKnownIds(draft: Draft, known: KnownIds, pick: number): Draft {
  const idFor = (name: string): string | number | undefined => {
    const ids = known.get(name);
    return ids === undefined ? undefined : choose(ids, pick);
  };
  const params = Object.fromEntries(Object.entries(draft.params).map(([name, segment]) => [name, encodeURIComponent(String(idFor(name) ?? segment))]));
  const query = draft.query.map((pair) => {
    const name = pair.split("=")[0] ?? "";
    const id = idFor(name);
    return id === undefined ? pair : `${name}=${encodeURIComponent(String(id))}`;
  });
  let next: Draft = { ...draft, params, query };
  if (draft.body.kind === "json") {
    let value = draft.body.value;
    for (const path of placesIn(value)) {
      const key = path[path.length - 1];
      const id = typeof key === "string" ? idFor(key) : undefined;
      if (id !== undefined) value = replaceAt(value, path, id);
    }
    // An array of ids (e.g. Wildberries' campaign lists) holds known campaign ids.
    if (Array.isArray(value) && !value.some(isJsonObject)) value = value.map(() => idFor("advertId") ?? 0);
    next = withJsonBody(next, value, draft.body.raw);
  }
  return next;
}

/** A valid request aimed at the objects the fuzz tenant was given (so it reaches past "not found"). */
export function knownIdsMutation(known: KnownIds): Mutation {
  return mutation({ name: "valid-known-ids", choices: fc.nat(), apply: (draft, pick) => withKnownIds(draft, known, pick) });
}
