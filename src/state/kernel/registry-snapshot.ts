import { SandboxStateFile } from "../../contracts/sandbox/state-file.js";
import { describeIssues } from "./issues.js";
import { fail, ok, type Result } from "./result.js";
import { exportSnapshot, importSnapshot } from "./snapshot.js";
import type { TenantRegistry } from "./tenants.js";

/**
 * Every tenant, issued token and login password hash of a sandbox as one JSON document (the `--state-file`
 * content). Tenants idle past the TTL are evicted first, so neither they nor their tokens are written.
 */
export function exportRegistry(registry: TenantRegistry): SandboxStateFile {
  registry.sweep();
  return {
    schemaVersion: 1,
    tenants: [...registry.all()].map((tenant) => exportSnapshot(registry, tenant)),
    tokens: registry.tokens.all().filter((token) => !registry.isEvicted(token.tenantId)),
    tokenSerial: registry.tokens.lastSerial,
    passwords: registry.credentials.all(),
  };
}

/** Loads a document written by exportRegistry into an empty registry; says what is wrong otherwise. */
export function importRegistry(registry: TenantRegistry, data: unknown): Result<{ tenants: number }, string> {
  const parsed = SandboxStateFile.safeParse(data);
  if (!parsed.success) return fail(describeIssues(parsed.error));
  for (const [index, snapshot] of parsed.data.tenants.entries()) {
    const id = typeof snapshot === "object" && snapshot !== null && "tenant" in snapshot && typeof snapshot.tenant === "string" ? snapshot.tenant : undefined;
    if (id === undefined) return fail(`tenants[${index}].tenant: every snapshot names its tenant`);
    const imported = importSnapshot(registry, id, snapshot);
    if (!imported.ok) return fail(`tenants[${index}] (${id}): ${imported.error}`);
  }
  registry.tokens.restore(parsed.data.tokens, parsed.data.tokenSerial);
  registry.credentials.restore(parsed.data.passwords ?? []);
  return ok({ tenants: parsed.data.tenants.length });
}
