import type { WbOperationId } from "../../contracts/wildberries/routes.js";
import { WB_ANY_CATEGORY, WB_PROMOTION_BIT, WB_READ_ONLY, WB_READ_ONLY_BIT } from "../../contracts/wildberries/token-scopes.js";

/** The claims of a Wildberries token the gateway checks (research §2.3). */
export interface WbTokenClaims {
  /** The bit mask of categories (bit 6 Promotion) and of the read-only flag (bit 30). */
  s: number;
  /** Expiry, unix seconds; undefined when the token has none. */
  exp: number | undefined;
}

/** Why the gateway refuses a Wildberries token on a method, checked in this order. */
export type WbScopeRefusal = "expired" | "category" | "readOnly";

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * The claims of a Wildberries-style token: a JWT (three dot-separated parts) whose payload decodes
 * (base64url JSON) to an object with a non-negative integer `s`, the layout of research §2.3. Any other
 * token, the sandbox's own issued tokens included (they have no `s`), gives undefined and is checked as
 * before. The signature is not verified: Wildberries signs with a key (ES256) the sandbox cannot know.
 */
export function wildberriesClaims(token: string): WbTokenClaims | undefined {
  const parts = token.split(".");
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined || !BASE64URL.test(payload)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const s: unknown = Reflect.get(value, "s");
  const exp: unknown = Reflect.get(value, "exp");
  if (typeof s !== "number" || !Number.isSafeInteger(s) || s < 0) return undefined;
  return { s, exp: typeof exp === "number" && Number.isFinite(exp) ? exp : undefined };
}

/** Whether bit `bit` (0 = the lowest) of `mask` is set; `mask` may exceed 32 bits. */
const hasBit = (mask: number, bit: number): boolean => Math.floor(mask / 2 ** bit) % 2 === 1;

/**
 * Why a token with these claims may not call `operation` at `nowMs` (epoch ms), or undefined: expired
 * (`exp` passed), no Promotion category (bit 6; `GET /ping` takes any category), or read-only (bit 30) on a
 * method that writes (WB_READ_ONLY). `operation` undefined (a path no method has): only the expiry and the
 * category are checked.
 */
export function scopeRefusal(claims: WbTokenClaims, operation: WbOperationId | undefined, nowMs: number): WbScopeRefusal | undefined {
  if (claims.exp !== undefined && nowMs >= claims.exp * 1000) return "expired";
  const anyCategory = operation !== undefined && WB_ANY_CATEGORY.has(operation);
  if (!anyCategory && !hasBit(claims.s, WB_PROMOTION_BIT)) return "category";
  if (operation !== undefined && hasBit(claims.s, WB_READ_ONLY_BIT) && !WB_READ_ONLY[operation]) return "readOnly";
  return undefined;
}
