import { existsSync, readFileSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { exportRegistry, importRegistry } from "../state/kernel/registry-snapshot.js";
import type { TenantRegistry } from "../state/kernel/tenants.js";

/** How long after a change the state file is written, so a burst of calls makes one write. */
const SAVE_DELAY_MS = 200;

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
      await writeAtomic(this.path, JSON.stringify(exportRegistry(this.registry)));
    });
    return this.writing;
  }
}
