/** Places inside a JSON value and copies of it changed at one place (the value itself is never changed). */

export type JsonPath = readonly (string | number)[];

type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every place inside `value`, the root (the empty path) first, depth-first. */
export function placesIn(value: unknown, at: JsonPath = []): JsonPath[] {
  const places: JsonPath[] = [at];
  if (Array.isArray(value)) value.forEach((item, index) => places.push(...placesIn(item, [...at, index])));
  else if (isJsonObject(value)) for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...at, key]));
  return places;
}

export function valueAt(value: unknown, path: JsonPath): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === "number") at = at[key];
    else if (isJsonObject(at) && typeof key === "string") at = Object.getOwnPropertyDescriptor(at, key)?.value;
    else return undefined;
  }
  return at;
}

/** The places whose value passes `test`; the root alone when none does. */
export function placesWhere(value: unknown, test: (item: unknown, path: JsonPath) => boolean): JsonPath[] {
  const matching = placesIn(value).filter((path) => test(valueAt(value, path), path));
  return matching.length > 0 ? matching : [[]];
}

/** The `pick`-th of `places`, counting round (fast-check picks any natural number). */
export function choose<T>(items: readonly T[], pick: number): T {
  const item = items[pick % items.length];
  if (item === undefined) throw new Error("choose() needs at least one item");
  return item;
}

/** An object with exactly these own entries: keys such as "__proto__" become own keys, never the prototype. */
export function objectOf(entries: Iterable<readonly [string, unknown]>): JsonObject {
  const object: JsonObject = {};
  for (const [key, item] of entries) Object.defineProperty(object, key, { value: item, enumerable: true, writable: true, configurable: true });
  return object;
}

function change(value: unknown, path: JsonPath, edit: (current: unknown) => unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return edit(value);
  if (Array.isArray(value) && typeof key === "number") return value.map((item, index) => (index === key ? change(item, rest, edit) : item));
  if (isJsonObject(value) && typeof key === "string") {
    return objectOf(Object.entries(value).map(([k, item]): [string, unknown] => [k, k === key ? change(item, rest, edit) : item]));
  }
  return value;
}

export function replaceAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  return change(value, path, () => replacement);
}

/** A copy without the member or item at `path` (the root cannot be removed: it is returned unchanged). */
export function removeAt(value: unknown, path: JsonPath): unknown {
  const parent = path.slice(0, -1);
  const last = path[path.length - 1];
  if (last === undefined) return value;
  return change(value, parent, (container) => {
    if (Array.isArray(container)) return container.filter((_, index) => index !== last);
    if (isJsonObject(container)) return objectOf(Object.entries(container).filter(([key]) => key !== last));
    return container;
  });
}

/** A copy with `key: item` added to the object at `path` (or `item` appended to the array there). */
export function addAt(value: unknown, path: JsonPath, key: string, item: unknown): unknown {
  return change(value, path, (container) => {
    if (Array.isArray(container)) return [...container, item];
    if (isJsonObject(container)) return objectOf([...Object.entries(container), [key, item]]);
    return container;
  });
}
