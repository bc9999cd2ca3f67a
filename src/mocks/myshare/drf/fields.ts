import { parseDuration, formatDuration } from "../../../state/myshare/durations.js";
import { pyStr, pyText, pyType } from "./python.js";

/**
 * Django REST Framework's fields, with their messages verbatim: each turns one present, non-null JSON
 * value into a typed value or the field's error (a list of messages, or nested errors).
 */
export type FieldErrors = string[] | Record<string, string[]>[] | Record<string, string[]>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldErrors };
export type Field<T> = (value: unknown) => Parsed<T>;

export const valid = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const invalid = (...messages: string[]): { ok: false; error: string[] } => ({ ok: false, error: messages });

export const MSG = {
  required: "This field is required.",
  null: "This field may not be null.",
  blank: "This field may not be blank.",
  string: "Not a valid string.",
  boolean: "Must be a valid boolean.",
  number: "A valid number is required.",
  integer: "A valid integer is required.",
  url: "Enter a valid URL.",
  uuid: "Must be a valid UUID.",
  durationFormat: "Duration has wrong format. Use one of these formats instead: [DD] [HH:[MM:]]ss[.uuuuuu].",
  durationOverflow: "The number of days must be between -999999999 and 999999999.",
  emptyList: "This list may not be empty.",
  choice: (value: unknown) => `"${pyStr(value)}" is not a valid choice.`,
  notAList: (value: unknown) => `Expected a list of items but got type "${pyType(value)}".`,
  notADict: (value: unknown) => `Invalid data. Expected a dictionary, but got ${pyType(value)}.`,
  maxLength: (n: number) => `Ensure this field has no more than ${n} characters.`,
  min: (n: string) => `Ensure this value is greater than or equal to ${n}.`,
  max: (n: string) => `Ensure this value is less than or equal to ${n}.`,
} as const;

export function charField(options: { maxLength?: number; allowBlank?: boolean } = {}): Field<string> {
  return (value) => {
    if (typeof value !== "string" && typeof value !== "number") return invalid(MSG.string);
    const text = (typeof value === "number" ? pyText(value) : value).trim();
    if (text === "") return options.allowBlank === true ? valid("") : invalid(MSG.blank);
    if (options.maxLength !== undefined && [...text].length > options.maxLength) return invalid(MSG.maxLength(options.maxLength));
    return valid(text);
  };
}

const TRUE_VALUES = new Set<unknown>(["t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1", 1, true]);
const FALSE_VALUES = new Set<unknown>(["f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0", 0, false]);

export const boolField: Field<boolean> = (value) => {
  if (TRUE_VALUES.has(value)) return valid(true);
  if (FALSE_VALUES.has(value)) return valid(false);
  return invalid(MSG.boolean);
};

export function choiceField<const T extends string>(choices: readonly T[]): Field<T> {
  return (value) => {
    const text = typeof value === "object" ? undefined : pyText(value);
    const found = choices.find((c) => c === text);
    return found === undefined ? invalid(MSG.choice(value)) : valid(found);
  };
}

interface DecimalOptions {
  maxDigits?: number;
  decimalPlaces?: number;
  min?: string;
  max?: string;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** DRF's DecimalField: a number or numeric string, its precision checked like Python's Decimal.as_tuple(). */
export function decimalField(options: DecimalOptions = {}): Field<number> {
  return (value) => {
    if (typeof value !== "string" && typeof value !== "number") return invalid(MSG.number);
    const text = pyText(value).trim();
    if (text.length > 1000) return invalid("String value too large.");
    const match = DECIMAL.exec(text);
    const whole = match?.[2] ?? "";
    const frac = match?.[3] ?? "";
    if (match === null || whole + frac === "") return invalid(MSG.number);
    const exponent = Number(match[4] ?? "0") - frac.length;
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
    const { maxDigits, decimalPlaces } = options;
    if (maxDigits !== undefined && total > maxDigits) return invalid(`Ensure that there are no more than ${maxDigits} digits in total.`);
    if (decimalPlaces !== undefined && places > decimalPlaces) return invalid(`Ensure that there are no more than ${decimalPlaces} decimal places.`);
    if (maxDigits !== undefined && decimalPlaces !== undefined && total - places > maxDigits - decimalPlaces) {
      return invalid(`Ensure that there are no more than ${maxDigits - decimalPlaces} digits before the decimal point.`);
    }
    const number = Number(text);
    if (!Number.isFinite(number)) return invalid(MSG.number);
    const errors: string[] = [];
    if (options.max !== undefined && number > Number(options.max)) errors.push(MSG.max(options.max));
    if (options.min !== undefined && number < Number(options.min)) errors.push(MSG.min(options.min));
    return errors.length > 0 ? invalid(...errors) : valid(number === 0 ? 0 : number);
  };
}

export function integerField(options: { min?: number; max?: number } = {}): Field<number> {
  return (value) => {
    if (typeof value !== "string" && typeof value !== "number") return invalid(MSG.integer);
    const text = pyText(value).replace(/\.0*\s*$/, "").trim();
    if (!/^[+-]?\d+$/.test(text)) return invalid(MSG.integer);
    const number = Number(text);
    if (options.max !== undefined && number > options.max) return invalid(MSG.max(String(options.max)));
    if (options.min !== undefined && number < options.min) return invalid(MSG.min(String(options.min)));
    return valid(number);
  };
}

const URL_PATTERN =
  /^(?:https?|ftps?):\/\/(?:[^\s:@/]+(?::[^\s:@/]*)?@)?(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[[0-9a-f:.]+\]|localhost|(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+(?:[a-z\u00a1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})\.?)(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** DRF's URLField on a Django URLField(max_length=200): both validators run, so both messages may come. */
export function urlField(maxLength = 200): Field<string> {
  const asText = charField();
  return (value) => {
    const text = asText(value);
    if (!text.ok) return text;
    const errors: string[] = [];
    if ([...text.value].length > maxLength) errors.push(MSG.maxLength(maxLength));
    if (!URL_PATTERN.test(text.value)) errors.push(MSG.url);
    return errors.length > 0 ? invalid(...errors) : text;
  };
}

/** DRF's DurationField (Django's parse_duration), not negative; the value comes back as duration_string text. */
export const durationField: Field<string> = (value) => {
  if (typeof value === "object" || typeof value === "boolean") return invalid(MSG.durationFormat);
  const parsed = parseDuration(pyText(value));
  if (!parsed.ok) return invalid(parsed.reason === "overflow" ? MSG.durationOverflow : MSG.durationFormat);
  if (parsed.us < 0n) return invalid(MSG.min("0:00:00"));
  return valid(formatDuration(parsed.us));
};

/** DRF's ListField(child=...): errors of items keyed by their index. */
export function listField<T>(child: Field<T>, options: { allowEmpty?: boolean } = {}): Field<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return invalid(MSG.notAList(value));
    if (options.allowEmpty === false && value.length === 0) return invalid(MSG.emptyList);
    const out: T[] = [];
    const errors: Record<string, string[]> = {};
    value.forEach((item, index) => {
      const parsed = item === null ? invalid(MSG.null) : child(item);
      if (parsed.ok) out.push(parsed.value);
      else errors[String(index)] = Array.isArray(parsed.error) ? parsed.error.flatMap((e) => (typeof e === "string" ? [e] : [])) : [];
    });
    return Object.keys(errors).length > 0 ? { ok: false, error: errors } : valid(out);
  };
}

/** A canonical UUID string (any case, with or without hyphens, as Django's UUIDField reads it), lower-cased. */
export function uuidText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const hex = value.trim().replace(/^urn:uuid:/i, "").replace(/[{}-]/g, "").toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
