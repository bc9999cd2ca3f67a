import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { z, ZodObject, ZodType } from "zod";
import type { RouteSpec, RouteTable } from "../contracts/http/route.js";

/** Answers by status, as a route table and an OpenAPI PIPELINE const write them. */
export type ResponsesByStatus = Readonly<Record<number, ResponseConfig>>;

/** One answer, read: its status, its body parsed with the schema documented for that status, its headers. */
export interface Reply<S extends number, B> {
  status: S;
  body: B;
  headers: Headers;
}

/**
 * What a documented response's body is, to the compiler: a JSON schema's output (or undefined too when the
 * body is optional), undefined for a response with no content, and unknown where the table's type does not
 * say (an entry typed as a plain ResponseConfig: the client still checks it at run time).
 */
export type BodyOf<R> = R extends { content: { "application/json": { schema: infer S extends ZodType } } }
  ? R extends { "x-body-optional": true }
    ? z.output<S> | undefined
    : z.output<S>
  : "content" extends keyof R
    ? unknown
    : undefined;

/** One reply per documented status (number-keyed object literals give literal statuses). */
export type RepliesOf<R> = { [K in keyof R]: K extends number ? Reply<K, BodyOf<R[K]>> : never }[keyof R];

/** What a call of `route` may resolve to: its own documented answers and its provider's pipeline answers. */
export type RouteReply<R extends RouteSpec, P extends ResponsesByStatus> = RepliesOf<R["responses"]> | RepliesOf<P>;

/** A part of the input: required unless everything in it is optional. */
type Part<K extends string, V> = {} extends V ? { [P in K]?: V } : { [P in K]: V };

/** One of params/query: typed from its zod object; loosely typed where the table's type lost it; absent otherwise. */
type ObjectPart<R, K extends "params" | "query"> = R extends { [P in K]: infer S extends ZodObject }
  ? Part<K, z.input<S>>
  : K extends keyof R
    ? { [P in K]?: Readonly<Record<string, unknown>> }
    : { [P in K]?: never };

type BodyPart<R> = R extends { body: infer S extends ZodType }
  ? R extends { bodyOptional: true }
    ? { body?: z.input<S> }
    : { body: z.input<S> }
  : "body" extends keyof R
    ? { body?: unknown }
    : { body?: never };

/** What a call of `route` takes: path parameters, query parameters and the JSON body, each typed from its zod schema. */
export type RouteInput<R> = ObjectPart<R, "params"> & ObjectPart<R, "query"> & BodyPart<R>;

/** One operation's method: the input is optional when nothing in it is required. */
export type RouteMethod<R extends RouteSpec, P extends ResponsesByStatus> = {} extends RouteInput<R>
  ? (input?: RouteInput<R>) => Promise<RouteReply<R, P>>
  : (input: RouteInput<R>) => Promise<RouteReply<R, P>>;

/** A client of a whole route table: one method per operation id. */
export type RouteClient<T extends RouteTable, P extends ResponsesByStatus> = { readonly [K in keyof T]: RouteMethod<T[K], P> };

/** A call's input as the client handles it at run time. */
export interface CallInput {
  params?: Readonly<Record<string, unknown>>;
  query?: Readonly<Record<string, unknown>>;
  body?: unknown;
}

/** Any reply, as the client builds it at run time. */
export type AnyReply = Reply<number, unknown>;
