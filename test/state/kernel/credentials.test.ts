import { describe, expect, it } from "vitest";
import { Credentials, PASSWORD_HASH } from "../../../src/state/kernel/credentials.js";
import { exportRegistry, importRegistry } from "../../../src/state/kernel/registry-snapshot.js";
import { makeRegistry } from "./registry-fixture.js";

const salts = (...values: string[]) => {
  const queue = [...values];
  return () => queue.shift() ?? "out-of-salts";
};

describe("Credentials", () => {
  it("the first check of a name sets its password; later checks match only the same password", () => {
    const credentials = new Credentials();
    expect(credentials.check("alice", "s3cret", salts("salt-a"))).toBe("set");
    expect(credentials.check("alice", "s3cret", salts())).toBe("matched");
    expect(credentials.check("alice", "S3cret", salts())).toBe("mismatched");
    expect(credentials.check("alice", "s3cret ", salts())).toBe("mismatched");
    expect(credentials.check("bob", "S3cret", salts("salt-b"))).toBe("set");
  });

  it("keeps a salted scrypt hash, never the password, with one salt per name", () => {
    const credentials = new Credentials();
    credentials.check("alice", "same-password", salts("salt-a"));
    credentials.check("bob", "same-password", salts("salt-b"));
    const stored = credentials.all();
    expect(stored.map((entry) => [entry.login, entry.salt])).toEqual([
      ["alice", "salt-a"],
      ["bob", "salt-b"],
    ]);
    expect(JSON.stringify(stored)).not.toContain("same-password");
    const [alice, bob] = stored;
    expect(alice?.hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(alice?.hash).not.toBe(bob?.hash);
    expect(PASSWORD_HASH).toEqual({ N: 4096, r: 8, p: 1, keyLength: 32 });
  });

  it("a restored password still checks", () => {
    const original = new Credentials();
    original.check("alice", "s3cret", salts("salt-a"));
    const restored = new Credentials();
    restored.restore(original.all());
    expect(restored.check("alice", "s3cret", salts())).toBe("matched");
    expect(restored.check("alice", "other", salts())).toBe("mismatched");
  });
});

describe("the registry's state file keeps the password hashes", () => {
  it("exports them and loads them back", () => {
    const registry = makeRegistry({ auth: "strict" });
    registry.credentials.check("alice", "s3cret", salts("salt-a"));
    const file = JSON.parse(JSON.stringify(exportRegistry(registry)));
    expect(file.passwords).toEqual([{ login: "alice", salt: "salt-a", hash: expect.any(String) }]);
    const loaded = makeRegistry({ auth: "strict" });
    expect(importRegistry(loaded, file)).toEqual({ ok: true, value: { tenants: 0 } });
    expect(loaded.credentials.check("alice", "wrong", salts())).toBe("mismatched");
    expect(loaded.credentials.check("alice", "s3cret", salts())).toBe("matched");
  });

  it("loads a file written before passwords were kept", () => {
    const registry = makeRegistry();
    expect(importRegistry(registry, { schemaVersion: 1, tenants: [], tokens: [], tokenSerial: 0 })).toEqual({ ok: true, value: { tenants: 0 } });
    expect(registry.credentials.all()).toEqual([]);
  });
});
