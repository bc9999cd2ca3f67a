// The shapes of the control-plane answers the console reads, derived from the sandbox's zod contracts (one
// source of truth). Type-only: the browser never loads this file.
import type { z } from "zod";
import type { SandboxClock } from "../src/contracts/sandbox/clock.js";
import type { SandboxEvent } from "../src/contracts/sandbox/events.js";
import type { SandboxFault, SandboxFaultRequest } from "../src/contracts/sandbox/faults.js";
import type { SandboxHealth } from "../src/contracts/sandbox/health.js";
import type { SandboxJournalEntry } from "../src/contracts/sandbox/journal.js";
import type { SandboxTenantSummary } from "../src/contracts/sandbox/tenants.js";
import type { SandboxToken } from "../src/contracts/sandbox/tokens.js";
import type { MsOverview as MsOverviewSchema, MsPartnerResponse } from "../src/contracts/myshare/control.js";
import type { WbCampaignTraffic as WbTrafficSchema, WbOverview as WbOverviewSchema } from "../src/contracts/wildberries/control.js";
import type { YmCampaignsOverview, YmOfferResponse } from "../src/contracts/yoomoney/control.js";

export type Clock = SandboxClock;
export type Health = SandboxHealth;
export type Event = SandboxEvent;
export type JournalEntry = SandboxJournalEntry;
export type Fault = SandboxFault;
export type FaultRequest = SandboxFaultRequest;
export type TenantSummary = SandboxTenantSummary;
export type Token = SandboxToken;
export type YmCampaign = z.infer<typeof YmCampaignsOverview>["campaigns"][number];
export type YmOffer = z.infer<typeof YmOfferResponse>;
export type WbOverview = z.infer<typeof WbOverviewSchema>;
export type WbTraffic = z.infer<typeof WbTrafficSchema>;
export type MsOverview = z.infer<typeof MsOverviewSchema>;
export type MsPartner = z.infer<typeof MsPartnerResponse>;

/** What every panel gets from the app. */
export interface PanelContext {
  api: import("./api.js").Api;
  /** Ask every panel to read its data again (soon, once). */
  changed(): void;
  /** Build every panel afresh (after a reset: the tenant's events start again from 1). */
  restart(): void;
  /** A short message at the top of the page. */
  notify(message: string, kind?: "ok" | "error"): void;
  /** The providers the sandbox serves (GET /__sandbox/health). */
  providers: readonly string[];
}

/** A panel: refreshed by the app after every action, on new events, and every few seconds. */
export interface Panel {
  refresh(): Promise<void>;
  /** Stops its timers and streams (the token changed). */
  stop?(): void;
}
