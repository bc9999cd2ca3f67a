/**
 * What Django REST Framework's fields accept on input, as pure rules. The zod request contracts
 * (request-scalars.ts) and the sandbox's DRF serializers (src/mocks/myshare/drf) both decide with these,
 * so a body the contract accepts is a body the serializer accepts; test/mocks/myshare/contracts-decide
 * checks that they agree field by field.
 */

/** Python's str() of a JSON number, as DRF's fields turn one into text: `5`, `5.5`, `1e+21`. */
export function numberText(value: number): string {
  const text = String(value);
  return Number.isInteger(value) || /[.e]/.test(text) ? text : `${text}.0`;
}

/** The text of a CharField value: a string, or a number's text (DRF's CharField takes int and float); undefined for anything else. */
export function drfTextOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  return undefined;
}

export interface TextRule {
  /** Django's max_length, in characters (code points) of the trimmed text. */
  maxLength?: number;
  allowBlank?: boolean;
}

export type TextCheck = { ok: true; text: string } | { ok: false; reason: "type" | "blank" | "maxLength" };

/** DRF's CharField (trim_whitespace=True): the trimmed text, or why it is refused. */
export function checkText(value: unknown, rule: TextRule = {}): TextCheck {
  const raw = drfTextOf(value);
  if (raw === undefined) return { ok: false, reason: "type" };
  const text = raw.trim();
  if (text === "") return rule.allowBlank === true ? { ok: true, text } : { ok: false, reason: "blank" };
  if (rule.maxLength !== undefined && [...text].length > rule.maxLength) return { ok: false, reason: "maxLength" };
  return { ok: true, text };
}

/** Django's validate_slug: letters, digits, underscores and hyphens. */
export const SLUG = /^[-A-Za-z0-9_]+$/;

/** DRF's BooleanField.TRUE_VALUES / FALSE_VALUES (strings, plus the JSON 1/0 and true/false). */
export const DRF_TRUE_TEXTS = ["t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1"] as const;
export const DRF_FALSE_TEXTS = ["f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0"] as const;

const TRUE_VALUES = new Set<unknown>([...DRF_TRUE_TEXTS, 1, true]);
const FALSE_VALUES = new Set<unknown>([...DRF_FALSE_TEXTS, 0, false]);

/** DRF's BooleanField: the boolean a value stands for, or undefined when it is none of the lexicon. */
export function drfBoolean(value: unknown): boolean | undefined {
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  return undefined;
}

export interface DecimalRule {
  maxDigits?: number;
  decimalPlaces?: number;
  /** Inclusive bounds, as DRF prints them in its messages ("0.05", "95"). */
  min?: string;
  max?: string;
}

export type DecimalCheck =
  | { ok: true; value: number }
  | { ok: false; reason: "type" | "tooLarge" | "invalid" | "maxDigits" | "decimalPlaces" | "wholeDigits" | "range"; belowMin: boolean; aboveMax: boolean };

/** The syntax of a decimal text Python's Decimal reads (after DRF strips it); at least one digit. */
export const DECIMAL_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const DECIMAL_PARTS = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** DRF's DecimalField.MAX_STRING_LENGTH. */
const MAX_DECIMAL_TEXT = 1000;

/** DRF's DecimalField: a number or numeric string, its precision counted like Python's Decimal.as_tuple(). */
export function checkDecimal(value: unknown, rule: DecimalRule = {}): DecimalCheck {
  const refuse = (reason: Exclude<DecimalCheck, { ok: true }>["reason"]) => ({ ok: false as const, reason, belowMin: false, aboveMax: false });
  if (typeof value !== "string" && typeof value !== "number") return refuse("type");
  const text = (typeof value === "number" ? numberText(value) : value).trim();
  if (text.length > MAX_DECIMAL_TEXT) return refuse("tooLarge");
  const match = DECIMAL_TEXT.test(text) ? DECIMAL_PARTS.exec(text) : null;
  if (match === null) return refuse("invalid");
  const whole = match[1] ?? "";
  const frac = match[2] ?? "";
  const exponent = Number(match[3] ?? "0") - frac.length;
  const digits = (whole + frac).replace(/^0+(?=\d)/, "").length;
  let total: number;
  let places: number;
  if (exponent >= 0) {
    total = digits + exponent;
    places = 0;
  } else if (digits > -exponent) {
    total = digits;
    places = -exponent;
  } else {
    total = -exponent;
    places = total;
  }
  const { maxDigits, decimalPlaces } = rule;
  if (maxDigits !== undefined && total > maxDigits) return refuse("maxDigits");
  if (decimalPlaces !== undefined && places > decimalPlaces) return refuse("decimalPlaces");
  if (maxDigits !== undefined && decimalPlaces !== undefined && total - places > maxDigits - decimalPlaces) return refuse("wholeDigits");
  const number = Number(text);
  if (!Number.isFinite(number)) return refuse("invalid");
  const aboveMax = rule.max !== undefined && number > Number(rule.max);
  const belowMin = rule.min !== undefined && number < Number(rule.min);
  if (aboveMax || belowMin) return { ok: false, reason: "range", belowMin, aboveMax };
  return { ok: true, value: number === 0 ? 0 : number };
}

/** What DRF's IntegerField reads: digits with an optional sign, optionally followed by `.000` (re_decimal), around whitespace. */
export const INTEGER_TEXT = /^\s*[+-]?\d+\s*(?:\.0*\s*)?$/;

export type IntegerCheck = { ok: true; value: number } | { ok: false; reason: "invalid" | "min" | "max" };

/** DRF's IntegerField with min_value/max_value. */
export function checkInteger(value: unknown, rule: { min?: number; max?: number } = {}): IntegerCheck {
  const text = typeof value === "number" ? numberText(value) : typeof value === "string" ? value : undefined;
  if (text === undefined || !INTEGER_TEXT.test(text)) return { ok: false, reason: "invalid" };
  const number = Number(text.replace(/\.0*\s*$/, "").trim());
  if (rule.max !== undefined && number > rule.max) return { ok: false, reason: "max" };
  if (rule.min !== undefined && number < rule.min) return { ok: false, reason: "min" };
  return { ok: true, value: number };
}

/** Django's URLValidator (schemes http, https, ftp, ftps), on the trimmed text. */
export const URL_PATTERN =
  /^(?:https?|ftps?):\/\/(?:[^\s:@/]+(?::[^\s:@/]*)?@)?(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[[0-9a-f:.]+\]|localhost|(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+(?:[a-z\u00a1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})\.?)(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** Django's URLField max_length. */
export const URL_MAX_LENGTH = 200;

export type UrlCheck = { ok: true; text: string } | { ok: false; reason: "type" | "blank" } | { ok: false; reason: "url"; tooLong: boolean; badUrl: boolean };

/** DRF's URLField over a Django URLField(max_length=200): both validators run on the trimmed text. */
export function checkUrl(value: unknown, maxLength = URL_MAX_LENGTH): UrlCheck {
  const text = checkText(value);
  if (!text.ok) return { ok: false, reason: text.reason === "blank" ? "blank" : "type" };
  const tooLong = [...text.text].length > maxLength;
  const badUrl = !URL_PATTERN.test(text.text);
  return tooLong || badUrl ? { ok: false, reason: "url", tooLong, badUrl } : text;
}

/** A canonical UUID string (any case, with or without hyphens or braces, as Django's UUIDField reads it), lower-cased. */
export function uuidText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const hex = value.trim().replace(/^urn:uuid:/i, "").replace(/[{}-]/g, "").toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
