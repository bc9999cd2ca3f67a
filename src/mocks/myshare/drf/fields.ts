import { checkDecimal, checkInteger, checkText, checkUrl, drfBoolean, URL_MAX_LENGTH, type DecimalRule, type TextRule } from "../../../contracts/myshare/drf-input.js";
import { checkDuration } from "../../../contracts/myshare/duration-input.js";
import { formatDuration } from "../../../state/myshare/durations.js";
import { pyStr, pyText, pyType } from "./python.js";

export { uuidText } from "../../../contracts/myshare/drf-input.js";

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

export function charField(options: TextRule = {}): Field<string> {
  return (value) => {
    const text = checkText(value, options);
    if (text.ok) return valid(text.text);
    if (text.reason === "type") return invalid(MSG.string);
    if (text.reason === "blank") return invalid(MSG.blank);
    return invalid(MSG.maxLength(options.maxLength ?? 0));
  };
}

export const boolField: Field<boolean> = (value) => {
  const bool = drfBoolean(value);
  return bool === undefined ? invalid(MSG.boolean) : valid(bool);
};

export function choiceField<const T extends string>(choices: readonly T[]): Field<T> {
  return (value) => {
    const text = typeof value === "object" ? undefined : pyText(value);
    const found = choices.find((c) => c === text);
    return found === undefined ? invalid(MSG.choice(value)) : valid(found);
  };
}

/** DRF's DecimalField: a number or numeric string, its precision checked like Python's Decimal.as_tuple(). */
export function decimalField(options: DecimalRule = {}): Field<number> {
  const { maxDigits, decimalPlaces } = options;
  return (value) => {
    const decimal = checkDecimal(value, options);
    if (decimal.ok) return valid(decimal.value);
    switch (decimal.reason) {
      case "type":
      case "invalid":
        return invalid(MSG.number);
      case "tooLarge":
        return invalid("String value too large.");
      case "maxDigits":
        return invalid(`Ensure that there are no more than ${maxDigits} digits in total.`);
      case "decimalPlaces":
        return invalid(`Ensure that there are no more than ${decimalPlaces} decimal places.`);
      case "wholeDigits":
        return invalid(`Ensure that there are no more than ${(maxDigits ?? 0) - (decimalPlaces ?? 0)} digits before the decimal point.`);
      case "range": {
        const errors: string[] = [];
        if (decimal.aboveMax && options.max !== undefined) errors.push(MSG.max(options.max));
        if (decimal.belowMin && options.min !== undefined) errors.push(MSG.min(options.min));
        return invalid(...errors);
      }
    }
  };
}

export function integerField(options: { min?: number; max?: number } = {}): Field<number> {
  return (value) => {
    const integer = checkInteger(value, options);
    if (integer.ok) return valid(integer.value);
    if (integer.reason === "max") return invalid(MSG.max(String(options.max)));
    if (integer.reason === "min") return invalid(MSG.min(String(options.min)));
    return invalid(MSG.integer);
  };
}

/** DRF's URLField on a Django URLField(max_length=200): both validators run, so both messages may come. */
export function urlField(maxLength = URL_MAX_LENGTH): Field<string> {
  return (value) => {
    const url = checkUrl(value, maxLength);
    if (url.ok) return valid(url.text);
    if (url.reason !== "url") return invalid(url.reason === "type" ? MSG.string : MSG.blank);
    const errors: string[] = [];
    if (url.tooLong) errors.push(MSG.maxLength(maxLength));
    if (url.badUrl) errors.push(MSG.url);
    return invalid(...errors);
  };
}

/** DRF's DurationField (Django's parse_duration), not negative; the value comes back as duration_string text. */
export const durationField: Field<string> = (value) => {
  const duration = checkDuration(value);
  if (duration.ok) return valid(formatDuration(duration.us));
  if (duration.reason === "negative") return invalid(MSG.min("0:00:00"));
  return invalid(duration.reason === "overflow" ? MSG.durationOverflow : MSG.durationFormat);
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
