import { z } from "zod";
import { TenantHistoryData } from "../contracts/sandbox/tenant-history.js";
import type { SandboxLogger } from "../mocks/http/logger.js";
import { describeIssues } from "../state/kernel/issues.js";
import { fail, type Result } from "../state/kernel/result.js";
import { importSnapshot, viewSnapshot, type TenantSnapshotView } from "../state/kernel/snapshot.js";
import { exportHistory, restoreHistory, type TenantHistory } from "../state/kernel/tenant-history.js";
import type { Tenant } from "../state/kernel/tenant.js";
import type { TenantRegistry } from "../state/kernel/tenants.js";

/**
 * A durable snapshot (issue 12: `--data-dir`, `--store`): the tenant's export (GET /__sandbox/state) and its
 * history (journal, events, rate buckets: src/state/kernel/tenant-history.ts), stored as
 * `{"durable":1,"state":<export>,"history":{...}}`. A stored snapshot without `durable` is the form written
 * before (the export alone): it still loads, with an empty journal and event log and full rate buckets.
 */
export interface DurableSnapshot {
  durable: typeof DURABLE_FORM;
  /** The export's data as viewSnapshot gives it (shares the tenant's objects: serialise it in the tenant's turn). */
  state: TenantSnapshotView;
  history: TenantHistory;
}

/** The envelope's form; a reader refuses another (written by a newer sandbox). */
const DURABLE_FORM = 1;

/** The envelope; its parts are checked apart, so a history that does not check still lets the state load. */
const Envelope = z.object({ durable: z.literal(DURABLE_FORM), state: z.unknown(), history: z.unknown() });

/** What to serialise as tenant `tenant`'s snapshot (in its turn: the value shares the tenant's data). */
export function durableSnapshot(registry: TenantRegistry, tenant: Tenant): DurableSnapshot {
  return { durable: DURABLE_FORM, state: viewSnapshot(registry, tenant), history: exportHistory(tenant) };
}

/**
 * Installs a stored snapshot (parsed JSON) as tenant `id`: its state as PUT /__sandbox/state would (refused
 * whole when it does not import), then its history. A history that does not check is reported through
 * `logger` and left out: the tenant loads with its state, an empty journal and event log and full buckets.
 */
export function installSnapshot(registry: TenantRegistry, id: string, stored: unknown, logger: SandboxLogger): Result<Tenant, string> {
  if (!isEnvelope(stored)) return importSnapshot(registry, id, stored);
  const envelope = Envelope.safeParse(stored);
  if (!envelope.success) {
    return fail(`its envelope is not one this sandbox reads (${describeIssues(envelope.error)}); a newer version of the sandbox may have written it`);
  }
  const history = TenantHistoryData.safeParse(envelope.data.history);
  if (!history.success) {
    logger.error(
      { tenant: id },
      `tenant ${id}: the history in its snapshot (journal, events, rate buckets) does not check (${describeIssues(history.error)}); the tenant is loaded without it: its journal and events start empty, its rate buckets full`,
    );
    return importSnapshot(registry, id, envelope.data.state);
  }
  return importSnapshot(registry, id, envelope.data.state, (tenant) => restoreHistory(tenant, history.data));
}

/** Whether `stored` is an envelope (it has `durable`) rather than a bare export of the form before. */
function isEnvelope(stored: unknown): boolean {
  return typeof stored === "object" && stored !== null && !Array.isArray(stored) && Object.hasOwn(stored, "durable");
}
