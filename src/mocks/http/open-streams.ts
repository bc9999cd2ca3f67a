import type { ServerResponse } from "node:http";

/**
 * The answers that stay open (the event streams) of one sandbox: the server ends them cleanly when it
 * closes, so `close()` does not wait on them and their clients see the stream end, not a reset.
 */
export class OpenStreams {
  private readonly open = new Set<ServerResponse>();

  /** Tracks `res` until it closes. */
  add(res: ServerResponse): void {
    this.open.add(res);
    res.once("close", () => this.open.delete(res));
  }

  /** Ends every open stream (each one's cleanup runs as its response closes); resolves once all have closed. */
  endAll(): Promise<void> {
    const closing = [...this.open].map((res) => new Promise<void>((resolve) => {
      res.once("close", () => resolve());
      res.end();
    }));
    return Promise.all(closing).then(() => undefined);
  }

  get size(): number {
    return this.open.size;
  }
}
