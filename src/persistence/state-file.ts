import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { exportRegistry, importRegistry } from "../state/kernel/registry-snapshot.js";
import type { TenantRegistry } from "../state/kernel/tenants.js";
import { SILENT_LOGGER, type SandboxLogger } from "../mocks/http/logger.js";

/** How long after a change the state file is written, so a burst of calls makes one write. */
const SAVE_DELAY_MS = 200;

/** Why `path` cannot be the state file (its folder is missing or not writable), or undefined when it can. */
function unusable(path: string): string | undefined {
  const folder = dirname(path);
  if (!existsSync(folder)) return `its folder ${folder} does not exist; create it or choose another path`;
  if (!statSync(folder).isDirectory()) return `${folder} is not a folder; choose another path`;
  try {
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    return `the sandbox may not write there (check the permissions of ${existsSync(path) ? path : folder}) or choose another path`;
  }
  if (existsSync(path) && !statSync(path).isFile()) return "it is not a file; choose another path";
  return undefined;
}

/** The temporary files of saves that were killed before their rename (`<file>.<pid>.tmp`). */
function staleTemporaries(path: string): string[] {
  const prefix = `${basename(path)}.`;
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(prefix) && /^\d+\.tmp$/.test(name.slice(prefix.length)))
    .map((name) => join(dirname(path), name));
}

/**
 * Checks at start that `path` can be the state file, and removes the temporaries that killed saves left
 * beside it. A path that cannot be used stops the start with a message that says why.
 */
export function prepareStateFile(path: string): void {
  const problem = unusable(path);
  if (problem !== undefined) throw new Error(`--state-file ${path} cannot be used: ${problem}`);
  for (const temporary of staleTemporaries(path)) unlinkSync(temporary);
}

/** Loads `path` into the registry when it exists; a file that cannot be read or imported stops the start. */
export function loadStateFile(registry: TenantRegistry, path: string): void {
  if (!existsSync(path)) return;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`--state-file ${path} is not readable JSON (${error instanceof Error ? error.message : String(error)}); fix or remove it`);
  }
  const imported = importRegistry(registry, data);
  if (!imported.ok) throw new Error(`--state-file ${path} cannot be loaded: ${imported.error}; fix or remove it`);
}

/** Writes text to `path` atomically: a temporary file, fsync, then rename over the old one. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

/** Saves the whole sandbox a moment after changes, one write at a time, and once more on shutdown. */
export class StateFileWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly registry: TenantRegistry,
    readonly path: string,
    /** Where a failed save is reported (error) and each save noted (debug). */
    private readonly logger: SandboxLogger = SILENT_LOGGER,
  ) {}

  /** Marks the state changed; it is written SAVE_DELAY_MS later. */
  changed(): void {
    this.dirty = true;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes now if anything changed since the last write; resolves when it is on disk. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        const started = performance.now();
        await writeAtomic(this.path, JSON.stringify(exportRegistry(this.registry)));
        if (this.logger.isLevelEnabled("debug")) {
          const ms = Math.round((performance.now() - started) * 10) / 10;
          this.logger.debug({ stateFile: this.path, tenants: this.registry.size, ms }, `saved ${this.registry.size} tenant(s) to ${this.path} in ${ms}ms`);
        }
      } catch (error) {
        // The folder went away or filled up after the start: say so, keep serving, and try again at the next change.
        this.dirty = true;
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.error(
          { stateFile: this.path, reason },
          `could not save --state-file ${this.path} (${reason}); the state is kept in memory and saved again after the next change`,
        );
      }
    });
    return this.writing;
  }
}
