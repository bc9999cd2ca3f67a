import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";

/** What the memory server reports after two forced collections. */
export interface MemoryProbeReply {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  /** Peak resident set over the process's life (resourceUsage().maxRSS, in bytes). */
  maxRssBytes: number;
}

function isReply(value: unknown): value is MemoryProbeReply {
  if (typeof value !== "object" || value === null) return false;
  return ["heapUsed", "external", "arrayBuffers", "rss", "maxRssBytes"].every(
    (key) => key in value && typeof Reflect.get(value, key) === "number",
  );
}

/** Asks the child to gc() and report its memory. */
export function probeSettled(child: ChildProcess): Promise<MemoryProbeReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!isReply(message)) return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    if (child.send === undefined || !child.send({ probe: "settled" })) reject(new Error("memory probe: no IPC channel"));
  });
}

/**
 * Samples another process's resident set every `intervalMs` from outside it (Linux /proc), so the
 * samples keep coming while that process is busy in one long synchronous handler.
 */
export class RssSampler {
  private peak = 0;
  private count = 0;
  private timer: NodeJS.Timeout | undefined;
  private reading = false;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 10,
  ) {}

  static async available(pid: number): Promise<boolean> {
    return (await readRss(pid)) !== undefined;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.reading) return;
      this.reading = true;
      void readRss(this.pid).then((rss) => {
        this.reading = false;
        if (rss === undefined) return;
        this.count++;
        if (rss > this.peak) this.peak = rss;
      });
    }, this.intervalMs);
  }

  stop(): { peakRss: number; samples: number } {
    clearInterval(this.timer);
    return { peakRss: this.peak, samples: this.count };
  }
}

async function readRss(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * The child's side: answers {probe: "settled"} over IPC with a MemoryProbeReply taken after two gc()
 * (the process must run with --expose-gc), and closes the sandbox on SIGTERM.
 */
export function answerMemoryProbes(close: () => Promise<void>): void {
  const collect = globalThis.gc;
  if (collect === undefined) throw new Error("a memory-probed server needs node --expose-gc");
  process.on("message", (message: unknown) => {
    if (typeof message !== "object" || message === null || !("probe" in message) || message.probe !== "settled") return;
    collect();
    collect();
    const usage = process.memoryUsage();
    const reply: MemoryProbeReply = {
      heapUsed: usage.heapUsed,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
      rss: usage.rss,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    process.send?.(reply);
  });
  process.once("SIGTERM", () => {
    void close().then(() => process.exit(0));
  });
}
