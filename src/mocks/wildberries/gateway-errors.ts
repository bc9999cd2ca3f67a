import { createHash } from "node:crypto";
import type { WbGatewayError } from "../../contracts/wildberries/errors.js";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Request Entity Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** 32 hex digits derived from `seed`: deterministic, so the same calls give the same bodies. */
export function hexId(seed: string, length = 32): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** A UUID-shaped id derived from `seed`. */
export function uuidFrom(seed: string): string {
  const h = hexId(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The API gateway's error object (401, 404, 405, 413, 429). `seed` makes requestId and code
 * reproducible; `at` is the tenant's (or, before auth, the sandbox's) time.
 */
export function gatewayError(status: number, title: string, detail: string, seed: string, at: number): WbGatewayError {
  const h = hexId(`${seed}:${status}`);
  return {
    title,
    detail,
    code: `${h.slice(0, 8)}-${h.slice(8, 20)}-[UK-${h.slice(20, 31)}]`,
    requestId: hexId(`${seed}:${at}:request`),
    origin: "s2s-api-auth-adv",
    status,
    statusText: STATUS_TEXT[status] ?? "Error",
    timestamp: new Date(Math.floor(at / 1000) * 1000).toISOString().replace(".000Z", "Z"),
  };
}
