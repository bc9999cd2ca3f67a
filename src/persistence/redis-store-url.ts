/** The key prefix of a store URL without `?prefix=`: every key of the sandbox starts with it. */
export const DEFAULT_REDIS_PREFIX = "promo-sandbox:";

/** Where a Redis store lives, from `--store redis://[user:password@]host[:port][/db][?prefix=name:]`. */
export interface RedisStoreAddress {
  host: string;
  port: number;
  /** The logical database (SELECT), 0 by default. */
  db: number;
  tls: boolean;
  username: string | undefined;
  password: string | undefined;
  /** Starts every key: sandboxes sharing one Redis database keep apart by prefix (default DEFAULT_REDIS_PREFIX). */
  prefix: string;
  /** The URL without its password, for messages and logs. */
  display: string;
}

const EXAMPLE = "redis://host:6379/0 (or rediss:// for TLS, ?prefix=name: to share a database)";

/** Reads a `--store` value naming Redis; throws a message saying what is wrong and what is expected. */
export function parseRedisStoreUrl(text: string): RedisStoreAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--store ${text} is not a URL; expected ${EXAMPLE}`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new Error(`--store ${text}: the scheme must be redis: or rediss:; expected ${EXAMPLE}`);
  if (url.hostname === "") throw new Error(`--store ${text} names no host; expected ${EXAMPLE}`);
  const port = url.port === "" ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, "");
  if (path !== "" && !/^\d+$/.test(path)) throw new Error(`--store ${text}: the path must be a database number (like /0), not "/${path}"`);
  const db = path === "" ? 0 : Number(path);
  for (const name of url.searchParams.keys()) {
    if (name !== "prefix") throw new Error(`--store ${text}: unknown parameter "${name}" (the one parameter is prefix)`);
  }
  const prefix = url.searchParams.get("prefix") ?? DEFAULT_REDIS_PREFIX;
  if (prefix === "") throw new Error(`--store ${text}: the prefix must not be empty (it keeps the sandbox's keys apart)`);
  const shown = new URL(url.href);
  if (shown.password !== "") shown.password = "***";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    db,
    tls: url.protocol === "rediss:",
    username: url.username === "" ? undefined : decodeURIComponent(url.username),
    password: url.password === "" ? undefined : decodeURIComponent(url.password),
    prefix,
    display: shown.href,
  };
}
