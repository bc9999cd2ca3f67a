import fc from "fast-check";
import { addAt, choose, isJsonObject, placesIn, placesWhere, removeAt, replaceAt, valueAt, type JsonPath } from "./json-tree.js";
import { mutation, type Mutation } from "./mutation.js";
import { deeplyNested, type RawJson } from "./raw-json.js";
import { jsonBodyOf, withJsonBody, type Draft } from "./request-draft.js";

/** Changes the JSON body (an operation without one is sent `{}`) at one place, chosen by `pick`. */
function atPlace(
  draft: Draft,
  pick: number,
  where: (item: unknown, path: JsonPath) => boolean,
  edit: (body: unknown, path: JsonPath, raw: RawJson) => unknown,
): Draft {
  const { value, raw } = jsonBodyOf(draft);
  const path = choose(placesWhere(value, where), pick);
  return withJsonBody(draft, edit(value, path, raw), raw);
}

const anywhere = (): boolean => true;
const isString = (item: unknown): boolean => typeof item === "string";
const isNumber = (item: unknown): boolean => typeof item === "number";
const isContainer = (item: unknown): boolean => typeof item === "object" && item !== null;
const isMember = (_: unknown, path: JsonPath): boolean => path.length > 0;

function jsonType(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

const OTHER_TYPES: readonly unknown[] = [0, 1.5, "text", "", true, false, [], {}, ["a", 1], { a: 1 }];

const EXTREME_NUMBERS = [
  "1e308",
  "-1e308",
  "-0",
  "-0.0",
  "9007199254740993",
  "-9007199254740993",
  "1e400",
  "-1e400",
  "5e-324",
  "1e-400",
  "123456789012345678901234567890",
  "0.1000000000000000055511151231257827",
  "1E+2",
] as const;

const SPECIAL_TEXT = [
  "\u0000",
  "\u0001\u0008\u001f\u007f",
  "\u202eevil",
  "\ud800",
  "\udfff",
  "e\u0301\u0301\u0301",
  "\ufeffbom",
  "\r\n\t",
  "\u2028\u2029",
  "😀👩‍👩‍👧",
  "𝕏𝕐",
  "Ω≈ç√",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "${7*7}{{7*7}}",
] as const;

/** Bytes that are not UTF-8, written raw inside a JSON string. */
const NOT_UTF8 = [Buffer.from([0x22, 0xff, 0xfe, 0x22]), Buffer.from([0x22, 0xc3, 0x22]), Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22])];

const PROTO_MEMBERS = [
  '"__proto__":{"polluted":"yes","isAdmin":true}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"__proto__":null',
  '"__proto__":[]',
  '"prototype":{"polluted":"yes"}',
  '"toString":"not a function"',
  '"hasOwnProperty":1',
  '"valueOf":{}',
  '"__defineGetter__":1',
] as const;

export const BODY_MUTATIONS: readonly Mutation[] = [
  mutation({
    name: "wrong-type",
    choices: fc.tuple(fc.nat(), fc.nat()),
    apply: (draft, [pick, other]) =>
      atPlace(draft, pick, anywhere, (body, path) => {
        const current = jsonType(valueAt(body, path));
        return replaceAt(body, path, choose(OTHER_TYPES.filter((candidate) => jsonType(candidate) !== current), other));
      }),
  }),
  mutation({
    name: "missing-field",
    choices: fc.nat(),
    apply: (draft, pick) => {
      const { value, raw } = jsonBodyOf(draft);
      const members = placesIn(value).filter((path) => path.length > 0);
      // Nothing to remove: the whole body goes.
      if (members.length === 0) return { ...draft, body: { kind: "none" } };
      return withJsonBody(draft, removeAt(value, choose(members, pick)), raw);
    },
  }),
  mutation({
    name: "extra-field",
    choices: fc.tuple(fc.nat(), fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })),
    apply: (draft, [pick, key, extra]) => atPlace(draft, pick, isContainer, (body, path) => addAt(body, path, key, extra)),
  }),
  mutation({
    name: "null",
    choices: fc.nat(),
    apply: (draft, pick) => atPlace(draft, pick, anywhere, (body, path) => replaceAt(body, path, null)),
  }),
  mutation({
    name: "huge-string",
    choices: fc.tuple(fc.nat(), fc.constantFrom(100_000, 1_100_000), fc.constantFrom("a", "я", "😀", "\\", "\u0000")),
    apply: (draft, [pick, length, unit]) => atPlace(draft, pick, isString, (body, path) => replaceAt(body, path, unit.repeat(length))),
  }),
  mutation({
    name: "deep-nesting",
    choices: fc.tuple(fc.nat(), fc.constantFrom(5_000, 100_000), fc.constantFrom<"array" | "object">("array", "object")),
    apply: (draft, [pick, depth, shape]) => atPlace(draft, pick, anywhere, (body, path, raw) => replaceAt(body, path, raw.value(deeplyNested(depth, shape)))),
  }),
  mutation({
    name: "unicode",
    choices: fc.tuple(
      fc.nat(),
      fc.oneof(
        fc.string({ unit: "binary", maxLength: 40 }).map((text) => ({ text })),
        fc.constantFrom(...SPECIAL_TEXT).map((text) => ({ text })),
        fc.constantFrom(...NOT_UTF8).map((bytes) => ({ bytes })),
      ),
      fc.boolean(),
    ),
    apply: (draft, [pick, choice, asKey]) =>
      atPlace(draft, pick, asKey ? isContainer : isString, (body, path, raw) => {
        if ("bytes" in choice) return replaceAt(body, path, raw.value(choice.bytes));
        return asKey ? addAt(body, path, choice.text, choice.text) : replaceAt(body, path, choice.text);
      }),
  }),
  mutation({
    name: "extreme-number",
    choices: fc.tuple(fc.nat(), fc.constantFrom(...EXTREME_NUMBERS)),
    apply: (draft, [pick, literal]) => atPlace(draft, pick, isNumber, (body, path, raw) => replaceAt(body, path, raw.value(literal))),
  }),
  mutation({
    name: "array-for-object",
    choices: fc.tuple(fc.nat(), fc.boolean()),
    apply: (draft, [pick, wrap]) =>
      atPlace(draft, pick, isJsonObject, (body, path) => {
        const object = valueAt(body, path);
        const values = isJsonObject(object) ? Object.values(object) : [];
        return replaceAt(body, path, wrap ? [object] : values);
      }),
  }),
  mutation({
    name: "proto-keys",
    choices: fc.tuple(fc.nat(), fc.constantFrom(...PROTO_MEMBERS)),
    apply: (draft, [pick, member]) =>
      atPlace(draft, pick, isJsonObject, (body, path, raw) => {
        // A body with no object in it (e.g. an array of ids) is replaced by an object with the member.
        const target = isJsonObject(valueAt(body, path)) ? body : replaceAt(body, path, {});
        return addAt(target, path, raw.member(member), 0);
      }),
  }),
  mutation({
    name: "missing-and-extra-fields",
    choices: fc.tuple(fc.nat(), fc.nat()),
    apply: (draft, [pick, other]) =>
      atPlace(draft, pick, isMember, (body, path) => {
        const renamed = `${String(path[path.length - 1])}_`;
        return addAt(removeAt(body, path), path.slice(0, -1), renamed, choose(OTHER_TYPES, other));
      }),
  }),
];
