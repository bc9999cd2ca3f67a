import type { App } from "../../support/app.js";
import request, { type Test } from "supertest";
import type { JsonValue } from "../../../src/state/kernel/json.js";

/** The seller most tests act as, and another one. Wildberries takes the raw token (no Bearer). */
export const TOKEN = "seller-a";
export const OTHER_TOKEN = "seller-b";

export const SECOND = 1000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** What supertest can call: the sandbox's listener, or a listening sandbox's base URL. */
export type Target = App | string;

/** A Wildberries call as `token` (raw in Authorization), with a JSON body if given. */
export function wb(app: Target, verb: "GET" | "POST", path: string, body?: JsonValue, token: string = TOKEN): Test {
  const req = (verb === "GET" ? request(app).get(path) : request(app).post(path)).set("Authorization", token);
  return body === undefined ? req : req.set("Content-Type", "application/json").send(JSON.stringify(body));
}

/** A control-plane call as `token`. */
export function control(app: Target, verb: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", path: string, body?: JsonValue, token: string = TOKEN): Test {
  const url = `/__sandbox${path}`;
  const r = request(app);
  const base = verb === "GET" ? r.get(url) : verb === "POST" ? r.post(url) : verb === "PATCH" ? r.patch(url) : verb === "PUT" ? r.put(url) : r.delete(url);
  const req = base.set("Authorization", `Bearer ${token}`);
  return body === undefined ? req : req.set("Content-Type", "application/json").send(JSON.stringify(body));
}

/** Advances the tenant's virtual clock (ISO-8601 duration such as "PT3M", or milliseconds). */
export async function advance(app: Target, by: string | number, token: string = TOKEN): Promise<void> {
  await control(app, "POST", "/clock/advance", { by }, token).expect(200);
}

/** Sets the tenant's settings (e.g. consistency immediate, rate limits off). */
export async function settings(app: Target, patch: { consistency?: "realistic" | "immediate"; rateLimits?: "enforce" | "off" }, token: string = TOKEN): Promise<void> {
  await control(app, "PATCH", "/settings", patch, token).expect(200);
}
