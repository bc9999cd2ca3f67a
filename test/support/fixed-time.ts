/** The fixed real time every test sandbox starts from: 2026-01-15T09:00:00.000Z. */
export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
