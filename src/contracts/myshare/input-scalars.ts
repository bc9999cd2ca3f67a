import { z } from "zod";
import {
  checkDecimal,
  checkInteger,
  checkText,
  checkUrl,
  DECIMAL_TEXT,
  DRF_FALSE_TEXTS,
  DRF_TRUE_TEXTS,
  INTEGER_TEXT,
  SLUG,
  URL_MAX_LENGTH,
  uuidText,
  type DecimalRule,
  type TextRule,
} from "./drf-input.js";
import { checkDuration } from "./duration-input.js";

/**
 * The request fields of the myshare contracts: each accepts exactly what the matching Django REST
 * Framework field accepts (drf-input.ts holds the rules both sides use). JSON Schema cannot say all of
 * it (trimming, Python's Decimal precision, Django's duration formats), so the documents show the shape
 * and the refinements decide.
 */

/** Which DRF field a request scalar is, for tools that generate values for it (the contracts-decide property test). */
export type MsDrfField =
  | { kind: "text"; rule: TextRule; slug?: boolean }
  | { kind: "boolean"; only?: boolean }
  | { kind: "decimal"; rule: DecimalRule }
  | { kind: "integer"; min: number; max: number }
  | { kind: "duration" }
  | { kind: "url" }
  | { kind: "uuid" };

export const msDrfFields = z.registry<MsDrfField>();

/**
 * What a document can say of a CharField's text: not blank (some non-space character) and its
 * max_length. (The server counts the length after trimming, so the documented limit is a little stricter.)
 */
function textLimits(rule: TextRule): { pattern?: string; maxLength?: number } {
  return { ...(rule.allowBlank === true ? {} : { pattern: "\\S" }), ...(rule.maxLength === undefined ? {} : { maxLength: rule.maxLength }) };
}

/** DRF's CharField: a string (trimmed before it is checked) or a number, which it takes as its text. */
export function msText(rule: TextRule = {}, description?: string) {
  const limits = [rule.allowBlank === true ? "blank allowed" : "not blank", rule.maxLength === undefined ? undefined : `at most ${rule.maxLength} characters`];
  return z
    .union([z.string().meta(textLimits(rule)), z.number()])
    .refine((value) => checkText(value, rule).ok, { message: `Expected text, ${limits.filter(Boolean).join(", ")}` })
    .meta({ description: [description, `Text (${limits.filter(Boolean).join(", ")}, after trimming); a number is taken as its text`].filter(Boolean).join(". ") })
    .register(msDrfFields, { kind: "text", rule });
}

/** A catalog_code: text of at most 255 letters, digits, `_` and `-` (Django's validate_slug). */
export const MsSlugInput = z
  .union([z.string().meta({ pattern: "^\\s*[-A-Za-z0-9_]+\\s*$", maxLength: 255 }), z.number()])
  .refine((value) => {
    const text = checkText(value, { maxLength: 255 });
    return text.ok && SLUG.test(text.text);
  }, { message: "Expected a slug of at most 255 letters, digits, _ and -" })
  .meta({ description: "Unique code: letters, digits, _ and - (at most 255, after trimming)", example: "super_catalog" })
  .register(msDrfFields, { kind: "text", rule: { maxLength: 255 }, slug: true });

/** Django REST Framework's boolean: true/false, 1/0, and the texts "true"/"false", "yes"/"no", "on"/"off", "t"/"f", "y"/"n", "1"/"0". */
export const MsBooleanInput = z
  .union([z.boolean(), z.enum([...DRF_TRUE_TEXTS, ...DRF_FALSE_TEXTS]), z.literal(1), z.literal(0)])
  .meta({ id: "MsBooleanInput", example: true })
  .register(msDrfFields, { kind: "boolean" });

/** A boolean that must be false (DRF's lexicon of false values). */
export const MsFalseInput = z
  .union([z.literal(false), z.enum(DRF_FALSE_TEXTS), z.literal(0)])
  .meta({ id: "MsFalseInput", description: "false (or \"false\", 0, \"no\", \"off\", ...)", example: false })
  .register(msDrfFields, { kind: "boolean", only: false });

/** DRF's DecimalField: a JSON number or a numeric string, its digits and places counted as Python's Decimal does. */
export function msDecimal(rule: DecimalRule, description: string, example: number) {
  let number = z.number();
  if (rule.min !== undefined) number = number.min(Number(rule.min));
  if (rule.max !== undefined) number = number.max(Number(rule.max));
  if (rule.maxDigits !== undefined && rule.decimalPlaces !== undefined) number = number.lt(10 ** (rule.maxDigits - rule.decimalPlaces));
  if (rule.decimalPlaces !== undefined) number = number.multipleOf(10 ** -rule.decimalPlaces);
  return z
    .union([number, z.string().regex(DECIMAL_TEXT)])
    .refine((value) => checkDecimal(value, rule).ok, { message: `Expected a decimal: ${description}` })
    .meta({ description: `A number or numeric string: ${description}`, example })
    .register(msDrfFields, { kind: "decimal", rule });
}

/** DRF's IntegerField: a whole number, or its text (a trailing `.0` allowed). */
export function msInteger(min: number, max: number) {
  return z
    .union([z.number().int().min(min).max(max), z.string().regex(INTEGER_TEXT)])
    .refine((value) => checkInteger(value, { min, max }).ok, { message: `Expected a whole number from ${min} to ${max}` })
    .meta({ description: `A whole number from ${min} to ${max}, or its text` })
    .register(msDrfFields, { kind: "integer", min, max });
}

/** A duration on input: anything Django's parse_duration reads ("30 00:00:00", "00:10:00", "P30D", 3600), not negative. */
export const MsDurationInput = z
  .union([z.string(), z.number().min(0).lt(86_400_000_000_000)])
  .refine((value) => checkDuration(value).ok, { message: "Expected a duration: [DD] [HH:[MM:]]ss[.uuuuuu], ISO 8601 or seconds, not negative" })
  .meta({ id: "MsDurationInput", description: "\"[DD] [HH:[MM:]]ss[.uuuuuu]\", ISO 8601 (P30D) or seconds; not negative, at most 999999999 days", example: "30 00:00:00" })
  .register(msDrfFields, { kind: "duration" });

/** An http(s) or ftp(s) URL of at most 200 characters (Django's URLValidator and URLField max_length), trimmed. */
export const MsUrlInput = z
  .string()
  .meta({ maxLength: URL_MAX_LENGTH })
  .refine((value) => checkUrl(value).ok, { message: `Expected an http(s) or ftp(s) URL of at most ${URL_MAX_LENGTH} characters` })
  .meta({ description: `An http(s) or ftp(s) URL, at most ${URL_MAX_LENGTH} characters`, example: "http://example.com/image.jpg" })
  .register(msDrfFields, { kind: "url" });

/** A UUID as Django's UUIDField reads it: any case, with or without hyphens (or braces, or `urn:uuid:`). */
export const MsUuidInput = z
  .string()
  .refine((value) => uuidText(value) !== undefined, { message: "Expected a UUID" })
  .meta({ description: "A UUID (any case, hyphens optional)", example: "497f6eca-6276-4993-bfeb-53cbbbba6f08" })
  .register(msDrfFields, { kind: "uuid" });
