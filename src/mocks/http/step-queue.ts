/**
 * The steps of each tenant, one after the other (issue 12): a step is everything one call does to its
 * tenant (its pinned real time, due timers, the fault decision, the rate limit, the handler, the journal
 * entry), and the steps of one tenant run in the order their calls were recorded, never interleaved, even
 * when one of them takes turns of the event loop (a clock move in slices, a state import). A tenant with
 * no step running starts the next one at once, without a turn of the event loop.
 */
export class StepQueue {
  private tails = new Map<string, Promise<void>>();

  /** Runs `step` for tenant `key` after the steps of that tenant queued before it. */
  run<T>(key: string, step: () => Promise<T>): Promise<T> {
    const tail = this.tails.get(key);
    const running = tail === undefined ? step() : tail.then(step);
    const settled = running.then(ignore, ignore);
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return running;
  }

  /** How many tenants have a step running or queued. */
  get busy(): number {
    return this.tails.size;
  }
}

const ignore = (): void => undefined;
