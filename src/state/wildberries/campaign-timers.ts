import type { TimerHandler } from "../kernel/provider.js";

/** Timers of promotion campaigns: queued status actions and bids (realistic consistency), purge of deleted (-1) campaigns, the on_pause start delay. */
export const campaignTimers: Record<string, TimerHandler> = {};
