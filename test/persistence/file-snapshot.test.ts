import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodeLine, FileLogStore, folderOf, readSnapshot, SNAPSHOT_HEADER_BYTES } from "../../src/persistence/file-log-store.js";
import { StoreStopped } from "../../src/persistence/log-store.js";
import { tempDataDir } from "../support/data-dir.js";

describe("a snapshot file of --data-dir", () => {
  it("is written from the text's chunks: a fixed-size header, then the text; it reads back whole, and the log it covers goes", async () => {
    const dir = tempDataDir("promo-sandbox-snapshot-");
    const store = new FileLogStore(dir);
    for (let i = 0; i < 3; i++) await store.append("t", i, 1000 + i, { call: i });
    const chunks = ['{"a":"é', "😀", '","b":[1,2]}', ""];
    await store.saveSnapshot("t", 2, chunks);
    const path = join(dir, "tenants", folderOf("t"), "snapshot.json");
    const bytes = readFileSync(path);
    expect(bytes.indexOf(0x0a)).toBe(SNAPSHOT_HEADER_BYTES - 1);
    expect(bytes.subarray(SNAPSHOT_HEADER_BYTES).toString("utf8")).toBe(chunks.join(""));
    expect(readSnapshot(path)).toEqual({ seq: 2, text: chunks.join("") });
    await store.close();
    const again = new FileLogStore(dir);
    expect(await again.load("t")).toEqual({ snapshot: { seq: 2, text: chunks.join("") }, entries: [{ seq: 3, at: 1002, order: 3, input: { call: 2 } }] });
    await again.close();
  });

  it("written by the previous version (a header line of its own length) still reads", () => {
    const dir = tempDataDir("promo-sandbox-snapshot-");
    const path = join(dir, "snapshot.json");
    const body = Buffer.from('{"old":true}', "utf8");
    writeFileSync(path, Buffer.concat([Buffer.from(encodeLine({ seq: 7, bytes: body.length, crc: crc32(body) }), "utf8"), body]));
    expect(readSnapshot(path)).toEqual({ seq: 7, text: '{"old":true}' });
  });

  it("does not check when a byte of its text or its header changed, or its text is cut short", async () => {
    const dir = tempDataDir("promo-sandbox-snapshot-");
    const store = new FileLogStore(dir);
    await store.append("t", 0, 1, { call: 0 });
    await store.saveSnapshot("t", 1, ['{"codes":["A","B"]}']);
    await store.close();
    const path = join(dir, "tenants", folderOf("t"), "snapshot.json");
    const good = readFileSync(path);
    const flipped = Buffer.from(good);
    flipped[SNAPSHOT_HEADER_BYTES + 3] = 0x5a;
    writeFileSync(path, flipped);
    expect(readSnapshot(path)).toBeUndefined();
    const header = Buffer.from(good);
    header[20] = header[20] === 0x31 ? 0x32 : 0x31;
    writeFileSync(path, header);
    expect(readSnapshot(path)).toBeUndefined();
    writeFileSync(path, good.subarray(0, good.length - 1));
    expect(readSnapshot(path)).toBeUndefined();
    writeFileSync(path, good);
    expect(readSnapshot(path)).toEqual({ seq: 1, text: '{"codes":["A","B"]}' });
  });

  it("goes in only once the entries it includes are on disk: when their write fails (disk full), it is not kept", async () => {
    const dir = tempDataDir("promo-sandbox-snapshot-");
    // The tenant's segments are Linux's /dev/full: every write to them fails with ENOSPC (the snapshot moves the
    // lines waiting in the first to the second, where appends go on).
    const folder = join(dir, "tenants", folderOf("t"));
    mkdirSync(folder, { recursive: true });
    symlinkSync("/dev/full", join(folder, "log-1.jsonl"));
    symlinkSync("/dev/full", join(folder, "log-2.jsonl"));
    const store = new FileLogStore(dir);
    // The entry's step has run (the store orders at once) and its snapshot is taken before its line is synced.
    const appended = store.append("t", 0, 1, { call: 1 });
    const saved = store.saveSnapshot("t", 1, ['{"after":"call 1"}']);
    await expect(appended).rejects.toBeInstanceOf(StoreStopped);
    await expect(saved).rejects.toBeInstanceOf(StoreStopped);
    expect(existsSync(join(folder, "snapshot.json"))).toBe(false);
    expect(existsSync(join(folder, "snapshot.json.tmp"))).toBe(false);
    await expect(store.saveSnapshot("t", 1, ["{}"])).rejects.toThrow(/ENOSPC/);
    await store.close();
  });
});

