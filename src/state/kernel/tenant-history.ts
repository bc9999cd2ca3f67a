import type { HistoryEvent, HistoryJournalEntry, TenantHistoryData } from "../../contracts/sandbox/tenant-history.js";
import type { DomainEvent } from "./events.js";
import type { JournalEntry, Tenant } from "./tenant.js";

/**
 * What a tenant keeps beside the state GET /__sandbox/state exports (issue 12): the request journal, the
 * domain event log and the rate buckets, with the journal's and event log's seqs and dropped counts. The
 * export leaves them out (they are a record of calls, not state a user would import); a durable snapshot
 * (src/persistence/durable-snapshot.ts) keeps them, so a tenant rebuilt from it answers GET
 * /__sandbox/requests, GET /__sandbox/events (`since=`) and the rate limits as the tenant that never stopped.
 *
 * Left out, on purpose: the event-stream watchers and the cause of the call under way (a snapshot is taken
 * between calls, in the tenant's turn), and the settle bookkeeping (only set while timers fire).
 */
export type TenantHistory = TenantHistoryData;

export function exportHistory(tenant: Tenant): TenantHistory {
  const events = tenant.peekEvents();
  return {
    journal: { seq: tenant.lastJournalSeq, dropped: tenant.journal.droppedCount, entries: tenant.journal.toArray().map(journalRecord) },
    events: { seq: tenant.lastEventSeq, dropped: events?.droppedCount ?? 0, entries: events?.toArray().map(eventRecord) ?? [] },
    rateBuckets: tenant.limiter.snapshot(),
  };
}

/** Installs `history` (checked by TenantHistoryData) on `tenant`, replacing its journal, events and rate buckets. */
export function restoreHistory(tenant: Tenant, history: TenantHistory): void {
  tenant.restoreLogs(
    { entries: history.journal.entries.map(journalEntry), dropped: history.journal.dropped, seq: history.journal.seq },
    { entries: history.events.entries.map(domainEvent), dropped: history.events.dropped, seq: history.events.seq },
  );
  tenant.limiter.restore(history.rateBuckets);
}

/** The journal keeps `undefined` for what a call did not have; the history says null (JSON has no undefined). */
function journalRecord(entry: JournalEntry): HistoryJournalEntry {
  return {
    ...entry,
    requestBody: entry.requestBody ?? null,
    responseBody: entry.responseBody ?? null,
    operation: entry.operation ?? null,
    nearestOperation: entry.nearestOperation ?? null,
    fault: entry.fault ?? null,
  };
}

function journalEntry(record: HistoryJournalEntry): JournalEntry {
  return {
    ...record,
    requestBody: record.requestBody ?? undefined,
    responseBody: record.responseBody ?? undefined,
    operation: record.operation ?? undefined,
    nearestOperation: record.nearestOperation ?? undefined,
    fault: record.fault ?? undefined,
  };
}

/** An event as the history keeps it: `detail` only when the event has one. */
function eventRecord(event: DomainEvent): HistoryEvent {
  const { detail, ...rest } = event;
  return detail === undefined ? rest : { ...rest, detail };
}

function domainEvent(record: HistoryEvent): DomainEvent {
  const { detail, ...rest } = record;
  return detail === undefined ? rest : { ...rest, detail };
}
