import { createClient } from "@redis/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisLogStore } from "../../src/persistence/redis-log-store.js";
import { createSandbox } from "../../src/server.js";
import { afterThisTest } from "../support/after-test.js";
import { send } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";
import { redisServer, TestRedis } from "../support/redis-server.js";

/**
 * Issue 12: a registry record (an issued token, a login's password) that the store refuses is not
 * answered as made: its call gets the sandbox's 503, and the token or password does not work in this process
 * either (a restart would not know it). Redis refuses writes for real here: maxmemory 1 (noeviction) answers
 * every write with an OOM error while reads go on.
 */

const ADMIN = "registry-admin-token-0123456789";

describe.skipIf(redisServer.path === undefined)("a registry record the store refuses (Redis OOM)", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await TestRedis.start(redisServer.path ?? "redis-server");
  });
  afterAll(async () => {
    await redis?.stop();
  });

  async function config(value: string): Promise<void> {
    const client = createClient({ url: redis.url(), RESP: 2 });
    await client.connect();
    try {
      await client.sendCommand(["CONFIG", "SET", "maxmemory", value]);
    } finally {
      await client.close();
    }
  }

  it("answers POST /__sandbox/tokens and a first login 503, and neither the token nor the password is kept", async () => {
    const store = await RedisLogStore.open(redis.url(3));
    const sandbox = createSandbox({ logStore: store, auth: "strict", adminToken: ADMIN, realNow: () => T0 });
    afterThisTest(() => void sandbox.close());
    const base = await sandbox.listen(0);
    await config("1");
    afterThisTest(() => config("0"));
    const token = await send(base, "POST", "/__sandbox/tokens", ADMIN, { tenant: "refused" });
    expect(token.status).toBe(503);
    expect(token.body).toMatchObject({ error: "sandbox_store_unavailable", recorded: "no" });
    expect(String(Reflect.get(Object(token.body), "message"))).toMatch(/^the token issued for tenant refused could not be recorded, so it is not valid: OOM /);
    const login = await send(base, "POST", "/api/offerwall/v1/users/login", undefined, { login: "first", password: "one" });
    expect(login.status).toBe(503);
    expect(String(Reflect.get(Object(login.body), "message"))).toMatch(/^the password of login first could not be recorded, so it is not set: OOM /);
    await config("0");

    // The refused token was withdrawn: the tenant holds none (a token issued now is its only one).
    expect((await send(base, "POST", "/__sandbox/tokens", ADMIN, { tenant: "refused" })).status).toBe(201);
    const tenants = await send(base, "GET", "/__sandbox/tenants", ADMIN);
    expect(Reflect.get(Object(tenants.body), "tenants")).toContainEqual(expect.objectContaining({ tenant: "refused", tokens: 1 }));
    // The refused password was withdrawn: the login's next attempt sets its password again.
    expect((await send(base, "POST", "/api/offerwall/v1/users/login", undefined, { login: "first", password: "two" })).status).toBe(200);
  });
});
