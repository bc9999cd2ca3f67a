import { createHash } from "node:crypto";
import { closeSync, existsSync, fdatasync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { JsonValue } from "../state/kernel/json.js";
import { SILENT_LOGGER, type SandboxLogger } from "../mocks/http/logger.js";
import { StoreStopped, type LogEntry, type StoredTenant, type TenantLogStore } from "./log-store.js";

/**
 * The embedded store (`--data-dir DIR`, issue 12). In DIR:
 * - `registry.log`: registry-level records (issued tokens, passwords, evicted tenants), one line each;
 * - `tenants/<name>/`: one folder per tenant (`<name>`: the id's safe characters and a hash of it; the
 *   file `id` holds the id itself), with `snapshot.json` (the last snapshot and the seq it includes) and
 *   `log-<n>.jsonl`, the log in segments: a new one at each start and each snapshot, so a snapshot lets
 *   the segments it covers be deleted whole.
 * Every line is `<crc32 of the JSON, 8 hex digits> <JSON>\n`. Appends are written at once and made durable
 * with group commit: every line that arrived while the previous fdatasync ran is written and synced in
 * the next batch, across tenants, and each append resolves when its batch is on disk. A snapshot is written
 * to a temporary file, fsynced and renamed over the old one, then the folder is fsynced.
 * At start a line whose CRC or JSON does not check, or that is cut short, ends what is loaded of that
 * file: it is reported (tenant, file, byte offset), the rest of the file is moved aside to
 * `<file>.corrupt-<offset>` and the file truncated there; the entries before it are loaded.
 * **Fail-stop**: once a write or an fsync in DIR fails (disk full, EIO), the store stops: nothing more is
 * written, every later append is refused (StoreStopped), and `stopped` says why, until a restart loads what
 * is durable. Writing on after a failed write would leave a gap in a tenant's seqs (a start loads nothing
 * after a gap), and after a failed fsync what reached the disk is unknown.
 * **Registry compaction** (`compactRegistry`): the live records are written to `registry.log.compact`,
 * fsynced, renamed over `registry.log`, and DIR fsynced; a leftover `registry.log.compact` (a crash before the
 * rename) is removed at start.
 */

/** One line as written. */
export function encodeLine(value: JsonValue): string {
  const json = JSON.stringify(value);
  return `${crc32(json).toString(16).padStart(8, "0")} ${json}\n`;
}

/** A line's JSON when its CRC checks, else undefined. */
export function decodeLine(line: string): JsonValue | undefined {
  if (line.length < 10 || line.charCodeAt(8) !== 0x20) return undefined;
  const json = line.slice(9);
  if (crc32(json).toString(16).padStart(8, "0") !== line.slice(0, 8)) return undefined;
  try {
    const value: JsonValue = JSON.parse(json);
    return value;
  } catch {
    return undefined;
  }
}

/** What reading a file of lines found: the values before the first bad line, and where that line starts. */
export interface ReadLines {
  values: JsonValue[];
  /** Byte offset of the first line that did not check (undefined: the whole file is good). */
  badAt: number | undefined;
}

/** Reads every good line of `path`, stopping at the first bad one (a torn last write, a flipped byte). */
export function readLines(path: string): ReadLines {
  const bytes = readFileSync(path);
  const values: JsonValue[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) return { values, badAt: start };
    const value = decodeLine(bytes.toString("utf8", start, end));
    if (value === undefined) return { values, badAt: start };
    values.push(value);
    start = end + 1;
  }
  return { values, badAt: undefined };
}

/**
 * A snapshot file: a header line (`{seq, bytes, crc}` of the text, itself CRC-checked like a log line, its JSON
 * padded with spaces to SNAPSHOT_HEADER_BYTES so it can be written last, at the start of the file) and the
 * snapshot's JSON text as it is, not escaped into a string (a 1M-code tenant's text is 14 MB).
 */
export const SNAPSHOT_HEADER_BYTES = 128;

/** The header line of a snapshot file whose text has `bytes` bytes and CRC `crc`: SNAPSHOT_HEADER_BYTES long. */
export function snapshotHeader(seq: number, bytes: number, crc: number): Buffer {
  const json = JSON.stringify({ seq, bytes, crc });
  // The CRC prefix (9), the JSON, its padding and the newline.
  const padded = json.padEnd(SNAPSHOT_HEADER_BYTES - 10, " ");
  return Buffer.from(`${crc32(padded).toString(16).padStart(8, "0")} ${padded}\n`, "utf8");
}

/** A snapshot file's seq and text, or undefined when its header or its text does not check. */
export function readSnapshot(path: string): { seq: number; text: string } | undefined {
  const bytes = readFileSync(path);
  const end = bytes.indexOf(0x0a);
  if (end === -1) return undefined;
  const header = decodeLine(bytes.toString("utf8", 0, end));
  if (!isObject(header) || typeof header.seq !== "number" || typeof header.bytes !== "number" || typeof header.crc !== "number") return undefined;
  const body = bytes.subarray(end + 1);
  if (body.length !== header.bytes || crc32(body) !== header.crc) return undefined;
  return { seq: header.seq, text: body.toString("utf8") };
}

/** A tenant id as a folder name: its safe characters (up to 40) and 16 hex digits of its SHA-256. */
export function folderOf(tenantId: string): string {
  const safe = tenantId.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 40);
  return `${safe}-${createHash("sha256").update(tenantId).digest("hex").slice(0, 16)}`;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A log line's entry, or undefined when it is not one. */
function entryOf(value: JsonValue): LogEntry | undefined {
  if (!isObject(value)) return undefined;
  const { seq, at, input, order } = value;
  if (typeof seq !== "number" || typeof at !== "number" || input === undefined) return undefined;
  return typeof order === "number" ? { seq, at, input, order } : { seq, at, input };
}

/** Writes all of `text`: a short write (a disk filling up) goes on until it throws; a failure says how many bytes were written before it. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } catch (error) {
    throw new PartialWrite(error, written);
  }
}

/** A write that failed after `written` bytes of its text reached the file. */
class PartialWrite extends Error {
  constructor(
    readonly error: unknown,
    readonly written: number,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** An OS error as a message names it: `ENOSPC: no space left on device, write`. */
function osError(error: unknown): string {
  const cause = error instanceof PartialWrite ? error.error : error;
  return cause instanceof Error ? cause.message : String(cause);
}

function fsyncFolder(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const datasync = (fd: number): Promise<void> =>
  new Promise((resolve, reject) => {
    fdatasync(fd, (error) => (error === null ? resolve() : reject(error)));
  });

/** A file appended to in batches: the lines waiting for the next batch and who waits for them. */
interface Appender {
  fd: number;
  /** What it writes to, for a failure's message. */
  path: string;
  lines: string[];
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

interface Segment {
  n: number;
  /** The highest seq it holds (0: none yet). */
  maxSeq: number;
}

interface TenantFiles {
  id: string;
  folder: string;
  lastSeq: number;
  segments: Segment[];
  appender: Appender;
}

export interface FileLogStoreOptions {
  /** Where corrupt or cut-short lines found at start are reported (tenant, file, byte offset). */
  logger?: SandboxLogger;
}

const SEGMENT = /^log-(\d+)\.jsonl$/;

/** The registry log, and the temporary file its compaction writes before renaming it over the log. */
const REGISTRY_LOG = "registry.log";
const REGISTRY_COMPACT = `${REGISTRY_LOG}.compact`;

/** Group-commit batches writing or syncing at once (libuv runs 4 file operations at a time). */
const MAX_BATCHES_IN_FLIGHT = 4;

export class FileLogStore implements TenantLogStore {
  /** An append gets its seq (and its place in the batch) before it returns. */
  readonly ordersAtOnce = true;
  private readonly tenantsDir: string;
  private readonly files = new Map<string, TenantFiles>();
  private readonly registryLog: Appender;
  private readonly logger: SandboxLogger;
  /** The appenders with lines waiting. */
  private readonly waiting = new Set<Appender>();
  /** The batches writing or syncing now (at most MAX_BATCHES_IN_FLIGHT). */
  private readonly batches = new Set<Promise<void>>();
  private scheduled = false;
  /** File descriptors no longer appended to, closed once no batch is in flight (one may be syncing them). */
  private readonly toClose: number[] = [];
  private order = 0;
  private closed = false;
  /** Why the store stopped taking writes (fail-stop), once a write or fsync failed. */
  private failure: string | undefined = undefined;
  /** The lines registry.log holds (loaded, then appended). */
  private registryLines = 0;

  constructor(
    readonly dir: string,
    options: FileLogStoreOptions = {},
  ) {
    this.logger = options.logger ?? SILENT_LOGGER;
    this.tenantsDir = join(dir, "tenants");
    mkdirSync(this.tenantsDir, { recursive: true });
    const registryPath = join(dir, REGISTRY_LOG);
    const leftover = join(dir, REGISTRY_COMPACT);
    if (existsSync(leftover)) {
      // A compaction cut short before its rename: registry.log is whole, the leftover is of no use.
      unlinkSync(leftover);
      this.logger.warn({ file: leftover }, `${leftover} is left from a compaction of ${REGISTRY_LOG} cut short (a crash); ${REGISTRY_LOG} is whole and is loaded, the leftover is removed`);
    }
    if (existsSync(registryPath)) this.registryLines = this.checkFile(registryPath, "(registry)").values.length;
    this.registryLog = { fd: openSync(registryPath, "a"), path: registryPath, lines: [], waiters: [] };
    fsyncFolder(dir);
  }

  get stopped(): string | undefined {
    return this.failure;
  }

  get registryLength(): number {
    return this.registryLines;
  }

  /**
   * Rewrites registry.log as `records` (the live ones), crash-safe: written to a temporary file, fsynced,
   * renamed over the log, then the folder fsynced; appends go on in the new file. A failure before the
   * rename leaves the old log as it was (the temporary file is removed) and throws; one after it stops the
   * store (which name the disk holds is unknown).
   */
  compactRegistry(records: readonly JsonValue[]): void {
    if (this.failure !== undefined || this.closed) return;
    const path = join(this.dir, REGISTRY_LOG);
    const temporary = join(this.dir, REGISTRY_COMPACT);
    try {
      const fd = openSync(temporary, "w");
      try {
        writeAll(fd, records.map((record) => encodeLine(record)).join(""));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new Error(`${REGISTRY_LOG} could not be compacted (${osError(error)}); it is kept as it is`);
    }
    renameSync(temporary, path);
    try {
      fsyncFolder(this.dir);
      const old = this.registryLog.fd;
      this.registryLog.fd = openSync(path, "a");
      this.toClose.push(old);
      this.closeRetired();
    } catch (error) {
      this.stop(error, this.dir);
      throw new StoreStopped(this.failure ?? osError(error), false);
    }
    this.registryLines = records.length;
  }

  async tenants(): Promise<string[]> {
    const ids: string[] = [];
    for (const name of readdirSync(this.tenantsDir)) {
      const idFile = join(this.tenantsDir, name, "id");
      if (existsSync(idFile)) ids.push(readFileSync(idFile, "utf8"));
    }
    return ids;
  }

  async load(tenantId: string): Promise<StoredTenant> {
    const folder = join(this.tenantsDir, folderOf(tenantId));
    let snapshot: StoredTenant["snapshot"];
    const snapshotPath = join(folder, "snapshot.json");
    if (existsSync(snapshotPath)) {
      snapshot = readSnapshot(snapshotPath);
      if (snapshot === undefined) this.logger.error({ tenant: tenantId, file: snapshotPath }, `the snapshot of tenant ${tenantId} (${snapshotPath}) does not check; the tenant is loaded from its log alone`);
    }
    const entries: LogEntry[] = [];
    let lastSeq = snapshot?.seq ?? 0;
    const segments: Segment[] = [];
    let broken = false;
    for (const n of this.segmentNumbers(folder)) {
      const path = join(folder, `log-${n}.jsonl`);
      if (broken) {
        this.logger.error({ tenant: tenantId, file: path }, `tenant ${tenantId}: ${path} follows a corrupt log and is not loaded; it is kept as ${path}.unloaded`);
        renameSync(path, `${path}.unloaded`);
        continue;
      }
      const values = this.checkFile(path, tenantId);
      let maxSeq = 0;
      for (const value of values.values) {
        const entry = entryOf(value);
        if (entry === undefined) continue;
        maxSeq = Math.max(maxSeq, entry.seq);
        if (entry.seq <= lastSeq) continue;
        if (entry.seq !== lastSeq + 1) {
          this.logger.error({ tenant: tenantId, file: path, seq: entry.seq }, `tenant ${tenantId}: ${path} jumps from seq ${lastSeq} to ${entry.seq}; the entries from there are not loaded`);
          broken = true;
          break;
        }
        entries.push(entry);
        lastSeq = entry.seq;
      }
      if (values.badAt !== undefined) broken = true;
      segments.push({ n, maxSeq });
    }
    // The log goes on in a new segment: nothing is ever appended after a line written before the start.
    const next = (segments.at(-1)?.n ?? 0) + 1;
    mkdirSync(folder, { recursive: true });
    this.files.set(tenantId, {
      id: tenantId,
      folder,
      lastSeq,
      segments: [...segments, { n: next, maxSeq: 0 }],
      appender: { fd: openSync(join(folder, `log-${next}.jsonl`), "a"), path: join(folder, `log-${next}.jsonl`), lines: [], waiters: [] },
    });
    return { snapshot, entries };
  }

  append(tenantId: string, known: number, at: number, input: JsonValue): Promise<{ seq: number; missed: LogEntry[] }> {
    if (this.closed) return Promise.reject(new Error(`the data directory ${this.dir} is closed: the sandbox is shutting down`));
    if (this.failure !== undefined) return Promise.reject(new StoreStopped(this.failure, false));
    let files: TenantFiles;
    try {
      files = this.filesOf(tenantId);
    } catch (error) {
      this.stop(error, join(this.tenantsDir, folderOf(tenantId)));
      return Promise.reject(new StoreStopped(this.failure ?? osError(error), false));
    }
    const seq = ++files.lastSeq;
    const segment = files.segments.at(-1);
    if (segment !== undefined) segment.maxSeq = seq;
    if (known !== seq - 1) {
      this.logger.error({ tenant: tenantId, known, seq }, `tenant ${tenantId}: the sandbox knew seq ${known} but the log is at ${seq - 1}; this is a sandbox bug`);
    }
    return this.write(files.appender, encodeLine({ seq, at, order: ++this.order, input })).then(() => ({ seq, missed: [] }));
  }

  async saveSnapshot(tenantId: string, seq: number, chunks: readonly string[]): Promise<void> {
    if (this.failure !== undefined) throw new StoreStopped(this.failure, false);
    const files = this.files.get(tenantId);
    if (files === undefined) return;
    // The snapshot holds what the entries up to `seq` did: it goes in only once they are all on disk. (Their steps
    // ran before their lines were synced; when a write fails and stops the store, their calls are refused, and a
    // snapshot must not keep what they did.) An empty line waits for this tenant's lines written so far; the
    // batches in flight may still be syncing its older ones.
    // (Settled at once into "failed or not", so a failure before it is awaited is no unhandled rejection.)
    const covered = Promise.all([...this.batches, this.write(files.appender, "")]).then(
      () => undefined,
      (error: unknown) => error,
    );
    // Appends go on in a new segment; the ones this snapshot covers whole go once it is on disk.
    const next = (files.segments.at(-1)?.n ?? 0) + 1;
    const old = files.appender;
    this.waiting.delete(old);
    this.toClose.push(old.fd);
    const segmentPath = join(files.folder, `log-${next}.jsonl`);
    files.appender = { fd: openSync(segmentPath, "a"), path: segmentPath, lines: old.lines, waiters: old.waiters };
    if (old.lines.length > 0) this.waiting.add(files.appender);
    files.segments.push({ n: next, maxSeq: files.lastSeq });
    const path = join(files.folder, "snapshot.json");
    const temporary = `${path}.tmp`;
    // Written off the event loop a chunk at a time (a 1M-code tenant's snapshot is 14 MB), its CRC as it goes.
    const handle = await open(temporary, "w");
    try {
      let bytes = 0;
      let crc = 0;
      for (const chunk of chunks) {
        const buffer = Buffer.from(chunk, "utf8");
        crc = crc32(buffer, crc);
        await handle.write(buffer, 0, buffer.length, SNAPSHOT_HEADER_BYTES + bytes);
        bytes += buffer.length;
      }
      await handle.write(snapshotHeader(seq, bytes, crc), 0, SNAPSHOT_HEADER_BYTES, 0);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    const failed = (await covered) ?? (this.failure === undefined ? undefined : new StoreStopped(this.failure, false));
    if (failed !== undefined) {
      unlinkSync(temporary);
      throw failed;
    }
    if (this.files.get(tenantId) !== files) return;
    renameSync(temporary, path);
    fsyncFolder(files.folder);
    const current = files.segments.at(-1);
    files.segments = files.segments.filter((segment) => {
      if (segment === current || segment.maxSeq > seq) return true;
      unlinkSync(join(files.folder, `log-${segment.n}.jsonl`));
      return false;
    });
  }

  async drop(tenantId: string): Promise<void> {
    const files = this.files.get(tenantId);
    this.files.delete(tenantId);
    if (files !== undefined) {
      this.waiting.delete(files.appender);
      for (const waiter of files.appender.waiters) waiter.resolve();
      this.toClose.push(files.appender.fd);
      this.closeRetired();
    }
    rmSync(join(this.tenantsDir, folderOf(tenantId)), { recursive: true, force: true });
  }

  async loadRegistry(): Promise<JsonValue[]> {
    return readLines(join(this.dir, REGISTRY_LOG)).values;
  }

  appendRegistry(record: JsonValue): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`the data directory ${this.dir} is closed: the sandbox is shutting down`));
    if (this.failure !== undefined) return Promise.reject(new StoreStopped(this.failure, false));
    this.registryLines += 1;
    return this.write(this.registryLog, encodeLine(record));
  }

  /** Resolves once every line appended so far is on disk. */
  async flushed(): Promise<void> {
    while (this.batches.size > 0 || this.waiting.size > 0) {
      if (this.waiting.size > 0 && this.batches.size < MAX_BATCHES_IN_FLIGHT) this.startBatch();
      await Promise.race(this.batches);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushed();
    if (this.closed) return;
    this.closed = true;
    for (const files of this.files.values()) closeSync(files.appender.fd);
    this.closeRetired();
    this.files.clear();
    closeSync(this.registryLog.fd);
  }

  /** The tenant's files, made on its first append (its folder, its id, a first segment). */
  private filesOf(tenantId: string): TenantFiles {
    let files = this.files.get(tenantId);
    if (files === undefined) {
      const folder = join(this.tenantsDir, folderOf(tenantId));
      mkdirSync(folder, { recursive: true });
      const idFile = join(folder, "id");
      if (!existsSync(idFile)) {
        // Written whole or not at all (renamed into place): a start lists the folders that have an `id`.
        const temporary = `${idFile}.tmp`;
        writeFileSync(temporary, tenantId);
        const fd = openSync(temporary, "r");
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, idFile);
      }
      const first = join(folder, "log-1.jsonl");
      files = { id: tenantId, folder, lastSeq: 0, segments: [{ n: 1, maxSeq: 0 }], appender: { fd: openSync(first, "a"), path: first, lines: [], waiters: [] } };
      fsyncFolder(folder);
      fsyncFolder(this.tenantsDir);
      this.files.set(tenantId, files);
    }
    return files;
  }

  private write(appender: Appender, line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      appender.lines.push(line);
      appender.waiters.push({ resolve, reject });
      this.waiting.add(appender);
      this.schedule();
    });
  }

  /** A batch at the next turn of the event loop (every append of this turn joins it), unless enough are in flight. */
  private schedule(): void {
    if (this.scheduled || this.batches.size >= MAX_BATCHES_IN_FLIGHT) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.waiting.size > 0 && this.batches.size < MAX_BATCHES_IN_FLIGHT) this.startBatch();
    });
  }

  /**
   * Group commit: writes every waiting line (one write per file), fdatasyncs each file once and resolves
   * their appends. Batches overlap (up to MAX_BATCHES_IN_FLIGHT): a line waits for one sync that began
   * after it was written, not for the end of the one running when it came. A sync that returns covers every
   * write to its file before it, so each append resolves only once its own line is on disk.
   */
  private startBatch(): void {
    const taken = [...this.waiting].map((appender) => ({ appender, lines: appender.lines.splice(0), waiters: appender.waiters.splice(0) }));
    this.waiting.clear();
    const run = async (): Promise<void> => {
      await Promise.all(
        taken.map(async ({ appender, lines, waiters }) => {
          // Fail-stop: after a failed write or fsync nothing more is written (a later line would follow a gap).
          if (this.failure !== undefined) {
            for (const waiter of waiters) waiter.reject(new StoreStopped(this.failure, false));
            return;
          }
          try {
            writeAll(appender.fd, lines.join(""));
          } catch (error) {
            this.stop(error, appender.path);
            // A line written whole before the failure may reach the disk and be loaded; a torn one is set aside at start.
            const written = error instanceof PartialWrite ? error.written : 0;
            let end = 0;
            for (const [index, waiter] of waiters.entries()) {
              end += Buffer.byteLength(lines[index] ?? "", "utf8");
              waiter.reject(new StoreStopped(this.failure ?? osError(error), end <= written));
            }
            return;
          }
          try {
            await datasync(appender.fd);
          } catch (error) {
            this.stop(error, appender.path);
          }
          // A sync that returns after the store stopped may not be trusted (after a failed fsync, a later one
          // on the same file may return success for pages that were lost): the lines are written, maybe durable.
          if (this.failure !== undefined) for (const waiter of waiters) waiter.reject(new StoreStopped(this.failure, true));
          else for (const waiter of waiters) waiter.resolve();
        }),
      );
    };
    const batch: Promise<void> = run().finally(() => {
      this.batches.delete(batch);
      this.closeRetired();
      if (this.waiting.size > 0) this.schedule();
    });
    this.batches.add(batch);
  }

  /**
   * Stops the store (fail-stop) after a failed write or fsync of `path`, logging it once at error level. The
   * message is what every refused call is told.
   */
  private stop(error: unknown, path: string): void {
    if (this.failure !== undefined) return;
    const reason = osError(error);
    this.failure =
      `the data directory ${this.dir} could not be written (${reason}; file ${path}), so the sandbox stopped recording calls: ` +
      "free space or fix the disk, then restart the sandbox (it loads everything that was durable; a line cut short by the failure is set aside)";
    const cause = error instanceof PartialWrite ? error.error : error;
    this.logger.error({ dataDir: this.dir, file: path, err: cause instanceof Error ? cause : new Error(reason) }, this.failure);
  }

  /** Closes the retired file descriptors once no batch may be using them. */
  private closeRetired(): void {
    if (this.batches.size > 0) return;
    for (const fd of this.toClose.splice(0)) closeSync(fd);
  }

  private segmentNumbers(folder: string): number[] {
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .flatMap((name) => {
        const found = SEGMENT.exec(name);
        return found?.[1] === undefined ? [] : [Number(found[1])];
      })
      .sort((a, b) => a - b);
  }

  /** Reads a file of lines; a bad line is reported, the rest moved aside and the file cut there. */
  private checkFile(path: string, tenant: string): ReadLines {
    const read = readLines(path);
    if (read.badAt !== undefined) {
      const size = statSync(path).size;
      const aside = `${path}.corrupt-${read.badAt}`;
      const bytes = readFileSync(path).subarray(read.badAt);
      writeFileSync(aside, bytes);
      truncateSync(path, read.badAt);
      this.logger.error(
        { tenant, file: path, offset: read.badAt, bytes: size - read.badAt, keptAs: aside },
        `${path}: the line at byte ${read.badAt} (of ${size}) is corrupt or cut short (a write torn by a crash, or a changed byte); tenant ${tenant} is loaded as it was before it, and the ${size - read.badAt} bytes from there are kept in ${aside}`,
      );
    }
    return read;
  }
}
