/** `value[key]` when value is a plain JSON object that has `key` itself (never an inherited member such as Array#at). */
export function ownField(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
}
