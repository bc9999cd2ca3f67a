import { MatchersV3 } from "@pact-foundation/pact";
import { z } from "zod";

/** Regex syntax Pact's (Rust) matcher does not support: such a pattern falls back to a type match. */
const UNSUPPORTED_REGEX = /\(\?[=!<]|\\[pP]\{/;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The regex a string schema demands (a format's, or the first `.regex()`), if Pact can run it. */
function patternOf(schema: z.ZodString | z.ZodStringFormat): string | undefined {
  const own = "pattern" in schema._zod.def && schema._zod.def.pattern instanceof RegExp ? schema._zod.def.pattern : undefined;
  const checked = (schema._zod.def.checks ?? []).map((check) => check._zod.def).find((def) => "pattern" in def && def.pattern instanceof RegExp);
  const pattern = own ?? (checked !== undefined && "pattern" in checked && checked.pattern instanceof RegExp ? checked.pattern : undefined);
  if (pattern === undefined || pattern.flags !== "" || UNSUPPORTED_REGEX.test(pattern.source)) return undefined;
  return pattern.source;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The matcher tree of `example` (already parsed by `schema`). */
function build(schema: z.core.$ZodType, example: unknown): unknown {
  // A value already a matcher (fromProviderState, a stricter regex) is the caller's choice: kept.
  if (MatchersV3.isMatcher(example)) return example;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodReadonly) {
    if (example === null || example === undefined) return example;
    return build(schema.unwrap(), example);
  }
  if (schema instanceof z.ZodPipe) return build(schema.in, example);
  if (schema instanceof z.ZodLazy) return build(schema.unwrap(), example);
  if (schema instanceof z.ZodObject && isRecord(example)) {
    const shape: Record<string, z.core.$ZodType> = schema.shape;
    return Object.fromEntries(
      Object.entries(example).map(([key, value]) => {
        const field = shape[key];
        return [key, field === undefined ? MatchersV3.like(value) : build(field, value)];
      }),
    );
  }
  if (schema instanceof z.ZodArray && Array.isArray(example)) {
    // An empty example promises only "an array"; otherwise each element is like the first.
    return example.length === 0 ? MatchersV3.like(example) : MatchersV3.eachLike(build(schema.element, example[0]), 1);
  }
  if (schema instanceof z.ZodUnion) {
    const option = (schema.options).find((candidate) => z.safeParse(candidate, example).success);
    return option === undefined ? MatchersV3.like(example) : build(option, example);
  }
  if (schema instanceof z.ZodEnum && typeof example === "string") {
    return MatchersV3.regex(`^(${schema.options.map((option) => escapeRegex(String(option))).join("|")})$`, example);
  }
  if (schema instanceof z.ZodLiteral) return example;
  if ((schema instanceof z.ZodString || schema instanceof z.ZodStringFormat) && typeof example === "string") {
    const pattern = patternOf(schema);
    return pattern === undefined ? MatchersV3.string(example) : MatchersV3.regex(pattern, example);
  }
  if (schema instanceof z.ZodNumber && typeof example === "number") {
    return schema.isInt ? MatchersV3.integer(example) : MatchersV3.number(example);
  }
  if (schema instanceof z.ZodBoolean && typeof example === "boolean") return MatchersV3.boolean(example);
  return MatchersV3.like(example);
}

/** A Pact matcher in its JSON form (MatchersV3's values: like, regex, fromProviderState, ...). */
interface PactMatcher {
  "pact:matcher:type": string;
}

/** An example of `T` where any value may already be a matcher (fromProviderState, a stricter regex). */
export type Matchable<T> = PactMatcher | (T extends readonly (infer U)[] ? readonly Matchable<U>[] : T extends object ? { [K in keyof T]: Matchable<T[K]> } : T);

/**
 * Pact matchers from a zod contract and an example of it: a type match per field, a regex for enums and
 * string patterns (formats such as date-times included), `eachLike` for arrays, literals exact. The
 * example must satisfy the contract (it is parsed first; a broken one throws, naming the field), so the
 * pact never promises what the contract forbids, and an answer the contract accepts satisfies it.
 * Values that are already matchers (fromProviderState, a stricter regex) are kept as they are.
 */
export function matchersFor<S extends z.ZodType>(schema: S, example: Matchable<z.input<S>>): unknown {
  const plain = MatchersV3.reify(example);
  const parsed = schema.safeParse(plain);
  if (!parsed.success) {
    throw new Error(`matchersFor: the example breaks its contract: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}; example: ${JSON.stringify(plain)}`);
  }
  return build(schema, example);
}
