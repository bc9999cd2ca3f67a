import { z } from "zod";

/**
 * Legacy field names (seed 004's schema tables) that the myshare serializers still read: each field's
 * names in the order DRF's serializer looks for them. A value sent under the field's own name wins;
 * a legacy name is read only when the field itself is absent, and then only the first one present.
 */
export type MsLegacyNames = Readonly<Record<string, readonly string[]>>;

/** Where a refinement reports what it found wrong. */
export interface IssueSink {
  addIssue(issue: { code: "custom"; message: string; path: PropertyKey[] }): void;
}

/** The key a field was sent under: the field itself, else the first of its legacy names present. */
export function sentKey(body: object, field: string, names: MsLegacyNames): string | undefined {
  return [field, ...(names[field] ?? [])].find((key) => Object.hasOwn(body, key));
}

/** The value a field was sent with under any of its names; undefined when it was not sent. */
export function sentValue(body: Readonly<Record<string, unknown>>, field: string, names: MsLegacyNames): unknown {
  const key = sentKey(body, field, names);
  return key === undefined ? undefined : body[key];
}

function inner(schema: z.core.$ZodType): z.core.$ZodType {
  return schema instanceof z.ZodOptional ? inner(schema.unwrap()) : schema;
}

/**
 * The part of a body refinement that reads legacy names: a field sent only under a legacy name is
 * checked with the field's own schema, and a `required` field must be sent under one of its names.
 * (The object is `.loose()`, so the legacy keys reach the refinement.)
 */
export function checkLegacyNames(
  body: Readonly<Record<string, unknown>>,
  ctx: IssueSink,
  shape: Readonly<Record<string, z.core.$ZodType>>,
  names: MsLegacyNames,
  required: readonly string[] = [],
): void {
  for (const field of new Set([...Object.keys(names), ...required])) {
    const key = sentKey(body, field, names);
    if (key === undefined) {
      if (required.includes(field)) ctx.addIssue({ code: "custom", message: `${field} is required (legacy names: ${(names[field] ?? []).join(", ")})`, path: [field] });
      continue;
    }
    const schema = shape[field];
    if (key === field || schema === undefined) continue;
    const parsed = z.safeParse(inner(schema), body[key]);
    if (!parsed.success) ctx.addIssue({ code: "custom", message: `${key} (legacy name of ${field}): ${parsed.error.issues[0]?.message ?? "invalid"}`, path: [key] });
  }
}

