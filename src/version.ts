/** The sandbox's version, as `GET /__sandbox/health` reports it. */
export const VERSION = "0.1.0";
