import { createHash, timingSafeEqual } from "node:crypto";
import { tokenFromHeader, type TenantRegistry } from "../../state/kernel/tenants.js";
import type { Answer } from "../http/answer.js";
import { fail } from "./answers.js";

/** Who sent a control-plane call, as far as the admin token goes. */
export type Caller = "none" | "admin" | "other";

const digest = (text: string): Buffer => createHash("sha256").update(text).digest();

/** The `Authorization` header: nothing, the admin token (compared in constant time), or any other token. */
export function callerOf(registry: TenantRegistry, header: string | undefined): Caller {
  const token = tokenFromHeader(header);
  if (token === "") return "none";
  const admin = registry.options.adminToken;
  return admin !== undefined && timingSafeEqual(digest(token), digest(admin)) ? "admin" : "other";
}

const SEND_ADMIN = "send `Authorization: Bearer <admin token>` with the token the sandbox was started with (--admin-token or PROMO_SANDBOX_ADMIN_TOKEN)";

export interface Refusal {
  status: 401 | 403;
  code: string;
  message: string;
}

/** A refusal's answer; a 401 names the scheme to use (`WWW-Authenticate: Bearer`). */
export function refuse(refusal: Refusal): Answer {
  return fail(refusal.status, refusal.code, refusal.message, refusal.status === 401 ? { "WWW-Authenticate": "Bearer" } : undefined);
}

/**
 * Why a call that needs the admin token was refused: 401 when no token came, 403 when another one did.
 * `what` names the call ("listing tenants"); `otherwise` says what the caller may do instead, if anything.
 */
export function adminRefusal(registry: TenantRegistry, caller: Exclude<Caller, "admin">, what: string, otherwise = ""): Refusal {
  const tail = otherwise === "" ? "" : `; ${otherwise}`;
  const status = caller === "none" ? 401 : 403;
  const code = caller === "none" ? "unauthorized" : "forbidden";
  if (registry.options.adminToken === undefined) {
    return { status, code, message: `${what} needs the admin token, and this sandbox was started without one: restart it with --admin-token TEXT or PROMO_SANDBOX_ADMIN_TOKEN set${tail}` };
  }
  const problem = caller === "none" ? `${what} needs the admin token` : `${what} needs the admin token, and the token sent is not it`;
  return { status, code, message: `${problem}: ${SEND_ADMIN}${tail}` };
}

/**
 * What is wrong with an admin token as configured, if anything: it must arrive intact through the
 * `Authorization` header, which drops surrounding spaces and a `Bearer ` prefix.
 */
export function adminTokenProblem(token: string): string | undefined {
  if (token.trim() === "") return "the admin token is empty: give --admin-token (or PROMO_SANDBOX_ADMIN_TOKEN) some text, ideally 32 random characters or more";
  if (tokenFromHeader(token) !== token) return "the admin token starts or ends with spaces or starts with \"Bearer\": give the bare token (clients send it as `Authorization: Bearer <token>`)";
  return undefined;
}
