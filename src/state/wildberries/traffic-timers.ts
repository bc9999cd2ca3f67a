import type { TimerHandler } from "../kernel/provider.js";

/** Timers of the traffic simulation of active (9) campaigns. */
export const trafficTimers: Record<string, TimerHandler> = {};
