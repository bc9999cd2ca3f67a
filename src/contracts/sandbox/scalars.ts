import { z } from "zod";

/** Field formats shared by several control-plane calls. */

/** The virtual clocks stay within four-digit years, so every instant prints as an ISO-8601 string. */
export const EARLIEST_INSTANT_MS = 0;
/** 9999-12-31T23:59:59.999Z */
export const LATEST_INSTANT_MS = 253_402_300_799_999;

/** An instant as the control plane prints it: UTC with milliseconds, e.g. 2026-01-15T09:00:00.000Z. */
export const SandboxInstant = z.iso
  .datetime()
  .meta({ id: "SandboxInstant", description: "ISO-8601 instant in UTC, e.g. 2026-01-15T09:00:00.000Z" });

/** A tenant id: the token itself in open mode, or the tenant an issued token names. */
export const SandboxTenantId = z
  .string()
  .min(1)
  .meta({ id: "SandboxTenantId", description: "The tenant (a token in open mode, or the tenant an issued token names)" });

/** Any JSON value (timer payloads, journaled bodies, event states). */
export const SandboxJson = z.json().meta({ id: "SandboxJson", description: "Any JSON value" });
