/** Where `promo-sandbox start` listens unless told otherwise; the container's healthcheck (src/healthcheck.ts) asks there too. */
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = "127.0.0.1";
