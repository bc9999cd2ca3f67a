import type { JsonValue } from "../kernel/json.js";
import type { Tenant } from "../kernel/tenant.js";
import type { Result } from "../kernel/result.js";
import { fail, ok } from "../kernel/result.js";

/** The tenant's Wildberries state as JSON (GET /__sandbox/state). */
export function exportWildberries(_tenant: Tenant): JsonValue {
  return null;
}

/** Replaces the tenant's Wildberries state from a snapshot, validated first. */
export function importWildberries(_tenant: Tenant, data: unknown): Result<void, string> {
  return data === null ? ok(undefined) : fail("not built yet");
}
