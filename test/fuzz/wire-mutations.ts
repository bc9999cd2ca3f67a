import { deflateSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { mutation, type Mutation } from "./mutation.js";
import { bodyBytes, JSON_TYPE, jsonBodyOf, type Draft } from "./request-draft.js";

/** The bytes the draft would send as its JSON body (`{}` for an operation that takes none). */
function jsonBytes(draft: Draft): Buffer {
  const { value, raw } = jsonBodyOf(draft);
  return bodyBytes({ kind: "json", value, raw }) ?? Buffer.alloc(0);
}

function withBytes(draft: Draft, bytes: Buffer, contentType: string | undefined, contentEncoding?: string): Draft {
  return { ...draft, contentType, contentEncoding, body: { kind: "bytes", bytes } };
}

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "application/xml",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "application/json; charset=no-such-charset",
  "application/vnd.api+json",
  "application/json, text/plain",
  "*/*",
  "json",
  "",
] as const;

type Encoding = "gzip-not-gzip" | "deflate-not-deflate" | "br-not-br" | "unknown" | "gzip" | "deflate" | "gzip-truncated" | "gzip-twice-declared" | "identity";
const ENCODINGS: readonly Encoding[] = [
  "gzip-not-gzip",
  "deflate-not-deflate",
  "br-not-br",
  "unknown",
  "gzip",
  "deflate",
  "gzip-truncated",
  "gzip-twice-declared",
  "identity",
];

function encode(bytes: Buffer, encoding: Encoding): { header: string; bytes: Buffer } {
  switch (encoding) {
    case "gzip-not-gzip":
      return { header: "gzip", bytes };
    case "deflate-not-deflate":
      return { header: "deflate", bytes };
    case "br-not-br":
      return { header: "br", bytes };
    case "unknown":
      return { header: "x-fuzz-unknown", bytes };
    case "gzip":
      return { header: "gzip", bytes: gzipSync(bytes) };
    case "deflate":
      return { header: "deflate", bytes: deflateSync(bytes) };
    case "gzip-truncated": {
      const zipped = gzipSync(bytes);
      return { header: "gzip", bytes: zipped.subarray(0, Math.max(1, zipped.length - 6)) };
    }
    case "gzip-twice-declared":
      return { header: "gzip, gzip", bytes: gzipSync(bytes) };
    case "identity":
      return { header: "identity", bytes };
  }
}

export const WIRE_MUTATIONS: readonly Mutation[] = [
  mutation({
    name: "truncated",
    choices: fc.nat(),
    apply: (draft, cut) => {
      const bytes = jsonBytes(draft);
      return withBytes(draft, bytes.subarray(0, cut % Math.max(1, bytes.length)), JSON_TYPE);
    },
  }),
  mutation({
    name: "empty",
    choices: fc.constantFrom("empty", "whitespace", "no-body-no-type", "no-body-json-type"),
    apply: (draft, kind): Draft => {
      if (kind === "no-body-no-type") return { ...draft, contentType: undefined, body: { kind: "none" } };
      if (kind === "no-body-json-type") return { ...draft, contentType: JSON_TYPE, body: { kind: "none" } };
      return withBytes(draft, Buffer.from(kind === "empty" ? "" : " \r\n\t "), JSON_TYPE);
    },
  }),
  mutation({
    name: "wrong-content-type",
    choices: fc.tuple(fc.constantFrom(...CONTENT_TYPES, undefined), fc.boolean()),
    apply: (draft, [contentType, formBody]) => {
      const bytes = formBody ? Buffer.from("a=1&b=%ZZ&__proto__[x]=1&c[]=2") : jsonBytes(draft);
      return withBytes(draft, contentType === "application/json; charset=utf-16" && !formBody ? Buffer.from(bytes.toString("utf8"), "utf16le") : bytes, contentType);
    },
  }),
  mutation({
    name: "content-encoding",
    choices: fc.constantFrom(...ENCODINGS),
    apply: (draft, encoding) => {
      const encoded = encode(jsonBytes(draft), encoding);
      return withBytes(draft, encoded.bytes, JSON_TYPE, encoded.header);
    },
  }),
];
