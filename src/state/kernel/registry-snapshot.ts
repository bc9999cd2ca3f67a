import { SandboxStateFile } from "../../contracts/sandbox/state-file.js";
import { describeIssues } from "./issues.js";
import { fail, ok, type Result } from "./result.js";
import { exportSnapshot, importSnapshot } from "./snapshot.js";
import type { TenantRegistry } from "./tenants.js";

/** Every tenant and issued token of a sandbox as one JSON document (the `--state-file` content). */
export function exportRegistry(registry: TenantRegistry): SandboxStateFile {
  return {
    schemaVersion: 1,
    tenants: [...registry.all()].map((tenant) => exportSnapshot(registry, tenant)),
    tokens: registry.tokens.all(),
    tokenSerial: registry.tokens.lastSerial,
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
    if (!imported.ok) return fail(`tenants[${index}] (${id}): ${imported.message}`);
  }
  registry.tokens.restore(parsed.data.tokens, parsed.data.tokenSerial);
  return ok({ tenants: parsed.data.tenants.length });
}
