/** Per-tenant settings; the server flags give every new tenant its defaults. */
export const RATE_LIMIT_MODES = ["enforce", "off"] as const;
export const CONSISTENCY_MODES = ["realistic", "immediate"] as const;
export const MODERATION_MODES = ["manual", "auto"] as const;

export interface Settings {
  rateLimits: (typeof RATE_LIMIT_MODES)[number];
  consistency: (typeof CONSISTENCY_MODES)[number];
  moderation: (typeof MODERATION_MODES)[number];
}

export const DEFAULT_SETTINGS: Settings = {
  rateLimits: "enforce",
  consistency: "realistic",
  moderation: "manual",
};
