import fc from "fast-check";
import { z } from "zod";
import { msDrfFields, type MsDrfField, type MsLegacyNames } from "../../../src/contracts/myshare/index.js";

/**
 * Request bodies for the "contracts decide" property: valid bodies generated from a zod request
 * contract, and near-valid mutations of them. The contracts' DRF scalars are refined (trimming, Python's
 * Decimal precision, Django's durations), which zod-schema-faker does not follow, so values are drawn
 * here from each field's registered DRF rule (msDrfFields), on both sides of its limits.
 */

/** Values that stand in for references the server must find (a catalog's UUID, a catalog_code, an offer's name). */
export type References = Readonly<Record<string, fc.Arbitrary<unknown>>>;

export interface BodySpec {
  schema: z.ZodType;
  legacyNames: MsLegacyNames;
  references: References;
  /** Fields the contract's refinement requires though its shape marks them optional (sent under a legacy name). */
  required?: readonly string[];
}

const WRONG_TYPES: readonly unknown[] = [true, false, 0, 1, -1, 1.5, "", "  ", "text", [], {}, [1], { a: 1 }];

const ws = fc.constantFrom("", " ", "  ", "\t", "\n", "\u00a0");
const ALNUM = "abcXYZ019_-";
const SLUG_CHARS = fc.constantFrom(...ALNUM.split(""));

/** Text with at most `max` code points, not blank unless `allowBlank`. */
function textOfLength(min: number, max: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, 24) }),
    fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, 12) }),
    fc.constantFrom("x", "é", "😀", "a b").chain((unit) => fc.constant(unit.repeat(Math.max(1, Math.floor(max / [...unit].length))))),
  );
}

function validText(field: Extract<MsDrfField, { kind: "text" }>): fc.Arbitrary<unknown> {
  const max = field.rule.maxLength ?? 300;
  if (field.slug === true) {
    return fc.oneof(
      fc.array(SLUG_CHARS, { minLength: 1, maxLength: 30 }).map((chars) => chars.join("")),
      fc.tuple(ws, fc.array(SLUG_CHARS, { minLength: 1, maxLength: 10 }), ws).map(([a, chars, b]) => `${a}${chars.join("")}${b}`),
      fc.integer({ min: -99, max: 99999 }),
    );
  }
  const text = textOfLength(field.rule.allowBlank === true ? 0 : 1, max).filter((s) => field.rule.allowBlank === true || s.trim() !== "");
  return fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 1, arbitrary: fc.tuple(ws, text, ws).map(([a, t, b]) => `${a}${t}${b}`) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  );
}

function badText(field: Extract<MsDrfField, { kind: "text" }>): fc.Arbitrary<unknown> {
  const max = field.rule.maxLength ?? 300;
  const bad: unknown[] = ["", "   ", "\t\n", "x".repeat(max + 1), "😀".repeat(max + 1), ` ${"x".repeat(max)} `, "😀".repeat(max), "é".repeat(max)];
  if (field.slug === true) bad.push("has space", "dot.ted", "ünï", "a/b", 1.5, "-", "x".repeat(255));
  return fc.constantFrom(...bad);
}

function centsRange(rule: Extract<MsDrfField, { kind: "decimal" }>["rule"]): { min: number; max: number } {
  const min = rule.min === undefined ? -1e6 : Math.round(Number(rule.min) * 100);
  const whole = rule.maxDigits !== undefined && rule.decimalPlaces !== undefined ? 10 ** (rule.maxDigits - rule.decimalPlaces) * 100 - 1 : 1e8;
  const max = rule.max === undefined ? whole : Math.round(Number(rule.max) * 100);
  return { min, max };
}

function validDecimal(field: Extract<MsDrfField, { kind: "decimal" }>): fc.Arbitrary<unknown> {
  const { min, max } = centsRange(field.rule);
  const cents = fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max), fc.integer({ min, max: Math.min(max, min + 10_000) }));
  return cents.chain((c) => {
    const value = c / 100;
    const whole = Number.isInteger(value);
    return fc.constantFrom<unknown>(value, value.toFixed(2), ` ${value} `, whole ? `${value}.` : value.toFixed(2), whole ? `${value / 10}e1` : `+${value.toFixed(2)}`);
  });
}

function badDecimal(field: Extract<MsDrfField, { kind: "decimal" }>): fc.Arbitrary<unknown> {
  const { min, max } = centsRange(field.rule);
  const below = (min - 1) / 100;
  const above = (max + 1) / 100;
  return fc.constantFrom<unknown>(below, above, String(below), String(above), "1.234", "1.230", 1.005, "1e-3", "1E1", "abc", "", " ", "1,5", "Infinity", "NaN", "1".repeat(1001), 1e10, "12345678901.5", "--1", ".", "5.", ".5", "+.5e1");
}

function validInteger(field: Extract<MsDrfField, { kind: "integer" }>): fc.Arbitrary<unknown> {
  return fc.oneof(fc.integer({ min: field.min, max: field.max }), fc.constantFrom(field.min, field.max)).chain((n) => fc.constantFrom<unknown>(n, String(n), ` ${n} `, `${n}.0`, `+${n}`, `${n}.`));
}

function badInteger(field: Extract<MsDrfField, { kind: "integer" }>): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(field.min - 1, field.max + 1, String(field.max + 1), 1.5, "1.5", "1.01", "1e3", "", "abc", "1_000", "0x10", `${field.min}.0 0`);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

const validDuration: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 999_999_998 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m, s]) => `${d} ${pad2(h)}:${pad2(m)}:${pad2(s)}`),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 })).map(([m, s]) => `${m}:${pad2(s)}`),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 48 })).map(([d, h]) => `P${d}DT${h}H`),
  fc.integer({ min: 0, max: 400 }).map((d) => `${d} days 04:05:06`),
  fc.constantFrom("30 00:00:00", "14 00:00:00", "00:10:00", "10:00", "3600", "P30D", "PT1H", "1 day, 1:00:00", "00:00:00,5", "", "999999999 23:59:59.999999"),
);

const badDuration: fc.Arbitrary<unknown> = fc.constantFrom<unknown>("-1", -1, -0.5, "1 day", "abc", "1000000000 00:00:00", "-P1D", "P-1D", "30 00:00", "30d", " 30 00:00:00", "1:2:3:4", true, 86_400_000_000_000, 1e300);

const validUrl: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("http://example.com/image.jpg", "https://shop.example.org/a?b=c#d", "ftp://files.example.net", "http://localhost:8000/x", "http://127.0.0.1/", "https://пример.рф/путь", " http://example.com "),
  fc.webUrl({ size: "small" }),
);

const badUrl: fc.Arbitrary<unknown> = fc.constantFrom<unknown>("example.com", "http://", "mailto:a@b.c", "http://exa mple.com", "javascript:alert(1)", `http://example.com/${"a".repeat(190)}`, "http://256.1.1.1/", "", " ", 5, "http://-bad-.com");

function validBoolean(field: Extract<MsDrfField, { kind: "boolean" }>): fc.Arbitrary<unknown> {
  return field.only === false ? fc.constantFrom<unknown>(false, 0, "false", "0", "no", "off", "f", "N") : fc.constantFrom<unknown>(true, false, 1, 0, "true", "False", "yes", "NO", "on", "off", "t", "f", "1", "0");
}

const badBoolean = fc.constantFrom<unknown>("maybe", 2, -1, 1.5, "TRUE ", " true", "", "yEs", "enabled", true, 1, "true");

function registered(schema: z.core.$ZodType): MsDrfField | undefined {
  return msDrfFields.get(schema);
}

/** Strips optional/nullable wrappers; `nullable` says whether null is allowed on the way. */
function unwrap(schema: z.core.$ZodType): { schema: z.core.$ZodType; optional: boolean; nullable: boolean } {
  let current = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (current instanceof z.ZodOptional) {
      optional = true;
      current = current.unwrap();
    } else if (current instanceof z.ZodNullable) {
      nullable = true;
      current = current.unwrap();
    } else return { schema: current, optional, nullable };
  }
}

function arrayMin(schema: z.ZodArray): number {
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (def.check === "min_length" && "minimum" in def && typeof def.minimum === "number") return def.minimum;
  }
  return 0;
}

/** A value the field's contract (mostly) accepts: `references` supply the ones the server must find. */
export function validValue(schema: z.core.$ZodType, references: References = {}): fc.Arbitrary<unknown> {
  const field = registered(schema);
  if (field !== undefined) {
    switch (field.kind) {
      case "text":
        return validText(field);
      case "boolean":
        return validBoolean(field);
      case "decimal":
        return validDecimal(field);
      case "integer":
        return validInteger(field);
      case "duration":
        return validDuration;
      case "url":
        return validUrl;
      case "uuid":
        return fc.uuid().map((u) => u);
    }
  }
  const { schema: inner, nullable } = unwrap(schema);
  if (inner !== schema) return nullable ? fc.oneof({ weight: 4, arbitrary: validValue(inner, references) }, { weight: 1, arbitrary: fc.constant(null) }) : validValue(inner, references);
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...schema.options);
  if (schema instanceof z.ZodArray) {
    const element = validValue(schema.element, references);
    const minLength = arrayMin(schema);
    const items = schema.element;
    if (!(items instanceof z.ZodObject)) return fc.array(element, { minLength, maxLength: 4 });
    // Objects with enum fields (an offer's prices) are usually unique by them: one price per currency.
    const enumKeys = Object.entries(items.shape).filter(([, field]) => unwrap(field).schema instanceof z.ZodEnum).map(([key]) => key);
    const selector = (item: unknown) => (typeof item === "object" && item !== null ? JSON.stringify(enumKeys.map((key) => Reflect.get(item, key))) : "");
    return fc.oneof({ weight: 3, arbitrary: fc.uniqueArray(element, { minLength, maxLength: 3, selector }) }, { weight: 1, arbitrary: fc.array(element, { minLength, maxLength: 3 }) });
  }
  if (schema instanceof z.ZodObject) return validObject(schema, references, {});
  throw new Error(`drf-bodies: no generator for a zod ${schema._zod.def.type}`);
}

/** An object of the schema's fields: required ones always, optional ones often; a field may be sent under a legacy name. */
function validObject(schema: z.ZodObject, references: References, names: MsLegacyNames, required: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.shape).map(([key, fieldSchema]) => {
    const value = references[key] ?? validValue(fieldSchema, references);
    const optional = unwrap(fieldSchema).optional && !required.includes(key);
    const legacy = names[key] ?? [];
    const sentAs = legacy.length === 0 ? fc.constant(key) : fc.oneof({ weight: 3, arbitrary: fc.constant(key) }, { weight: 1, arbitrary: fc.constantFrom(...legacy) });
    const entry = fc.tuple(sentAs, value);
    return optional ? fc.option(entry, { nil: undefined, freq: 2 }) : entry.map((e): [string, unknown] | undefined => e);
  });
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((pair) => pair !== undefined)));
}

/** A valid body of a request contract (a loose object, possibly with refinements). */
export function validBody(spec: BodySpec): fc.Arbitrary<Record<string, unknown>> {
  if (!(spec.schema instanceof z.ZodObject)) throw new Error("drf-bodies: a request contract is an object");
  return validObject(spec.schema, spec.references, spec.legacyNames, spec.required);
}

/** A value of the field's contract near its limits or beyond them (and some that are fine). */
function nearValue(schema: z.core.$ZodType, references: References, key: string | undefined): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(...WRONG_TYPES);
  const field = registered(schema);
  if (field !== undefined) {
    const near = (() => {
      switch (field.kind) {
        case "text":
          return badText(field);
        case "boolean":
          return badBoolean;
        case "decimal":
          return badDecimal(field);
        case "integer":
          return badInteger(field);
        case "duration":
          return badDuration;
        case "url":
          return badUrl;
        case "uuid":
          return fc.oneof(
            fc.constantFrom<unknown>("not-a-uuid", "497f6eca-6276-4993-bfeb-53cbbbba6f0", "497f6eca-6276-4993-bfeb-53cbbbba6f08x", "{497f6eca62764993bfeb53cbbbba6f08}", 5),
            (key === undefined ? undefined : references[key])?.map((id) => (typeof id === "string" ? [id.toUpperCase(), id.replace(/-/g, ""), ` ${id} `, `urn:uuid:${id}`, id.slice(1)] : [id])).chain((forms) => fc.constantFrom(...forms)) ?? fc.uuid(),
          );
      }
    })();
    return fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: wrong });
  }
  const { schema: inner } = unwrap(schema);
  if (inner !== schema) return nearValue(inner, references, key);
  if (schema instanceof z.ZodEnum) {
    const options = schema.options.map(String);
    return fc.oneof(fc.constantFrom(...options.flatMap((o) => [o.toLowerCase(), `${o} `, o.toUpperCase()])), fc.constantFrom<unknown>("bad", 1, true, ["All"]));
  }
  if (schema instanceof z.ZodArray) {
    const element = schema.element;
    const good = validValue(element, references);
    return fc.oneof(
      fc.constant([]),
      fc.tuple(good, nearValue(element, references, undefined)).map(([a, b]) => [a, b]),
      good.map((item) => [item, item]),
      fc.constantFrom<unknown>("WW", [null], {}, [[1]], [{}]),
    );
  }
  if (schema instanceof z.ZodObject) {
    return validObject(schema, references, {}).chain((object) => mutateObject(schema, object, references, {}));
  }
  return wrong;
}

/** One near-valid change of an object: a field dropped, null, of the wrong type or near its limits, or an extra field. */
function mutateObject(schema: z.ZodObject, object: Record<string, unknown>, references: References, names: MsLegacyNames): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(schema.shape);
  const legacy = Object.entries(names).flatMap(([field, list]) => list.map((name) => [field, name] as const));
  const set = (key: string, value: unknown) => ({ ...object, [key]: value });
  const changes: fc.WeightedArbitrary<Record<string, unknown>>[] = [
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key))) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => set(key, null)) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).chain((key) => fc.constantFrom(...WRONG_TYPES).map((value) => set(key, value))) },
    { weight: 4, arbitrary: fc.constantFrom(...keys).chain((key) => nearValue(schema.shape[key] ?? z.never(), references, key).map((value) => set(key, value))) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(...WRONG_TYPES)).map(([key, value]) => (Object.hasOwn(schema.shape, key) ? object : set(key, value))),
    },
  ];
  if (legacy.length > 0) {
    changes.push({
      weight: 2,
      arbitrary: fc.constantFrom(...legacy).chain(([field, name]) =>
        fc.oneof(validValue(schema.shape[field] ?? z.never(), references), nearValue(schema.shape[field] ?? z.never(), references, field)).map((value) => set(name, value)),
      ),
    });
  }
  return fc.oneof(...changes);
}

/** A body near the contract: a valid one, or one to three near-valid changes of it. */
export function nearBody(spec: BodySpec): fc.Arbitrary<Record<string, unknown>> {
  if (!(spec.schema instanceof z.ZodObject)) throw new Error("drf-bodies: a request contract is an object");
  const schema = spec.schema;
  const mutate = (body: Record<string, unknown>) => mutateObject(schema, body, spec.references, spec.legacyNames);
  const valid = validBody(spec);
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 3, arbitrary: valid.chain(mutate) },
    { weight: 1, arbitrary: valid.chain(mutate).chain(mutate) },
  );
}
