import { describe, expect, it } from "vitest";
import { DEFAULT_REDIS_PREFIX, parseRedisStoreUrl } from "../../src/persistence/redis-store-url.js";

describe("--store redis:// URLs", () => {
  it("reads host, port, database and prefix, with defaults", () => {
    expect(parseRedisStoreUrl("redis://redis:6379/0")).toEqual({
      host: "redis",
      port: 6379,
      db: 0,
      tls: false,
      username: undefined,
      password: undefined,
      prefix: DEFAULT_REDIS_PREFIX,
      display: "redis://redis:6379/0",
    });
    expect(parseRedisStoreUrl("redis://localhost")).toMatchObject({ host: "localhost", port: 6379, db: 0 });
    expect(parseRedisStoreUrl("rediss://user:p%40ss@cache.example:6380/5?prefix=team-a:")).toEqual({
      host: "cache.example",
      port: 6380,
      db: 5,
      tls: true,
      username: "user",
      password: "p@ss",
      prefix: "team-a:",
      display: "rediss://user:***@cache.example:6380/5?prefix=team-a:",
    });
    expect(parseRedisStoreUrl("redis://[::1]:7000/2")).toMatchObject({ host: "::1", port: 7000, db: 2 });
  });

  it("names what is wrong with a URL it cannot use", () => {
    const wrong: Array<[string, string]> = [
      ["localhost:6379", "--store localhost:6379: the scheme must be redis: or rediss:; expected redis://host:6379/0"],
      ["not a url", "--store not a url is not a URL; expected redis://host:6379/0"],
      ["http://redis:6379/0", "--store http://redis:6379/0: the scheme must be redis: or rediss:"],
      ["redis://redis:6379/zero", '--store redis://redis:6379/zero: the path must be a database number (like /0), not "/zero"'],
      ["redis://redis:6379/0?db=1", '--store redis://redis:6379/0?db=1: unknown parameter "db" (the one parameter is prefix)'],
      ["redis://redis:6379/0?prefix=", "--store redis://redis:6379/0?prefix=: the prefix must not be empty"],
    ];
    for (const [url, message] of wrong) expect(() => parseRedisStoreUrl(url), url).toThrow(message);
  });
});
