import type { TimerHandler } from "../kernel/provider.js";

/** Timers of media campaigns: the launch hold in status 4, daily limits. */
export const mediaTimers: Record<string, TimerHandler> = {};
