import type { JsonObject } from "./json.js";

/**
 * A tenant's timers: a binary min-heap ordered by (at, seq), so timers due at the same instant fire in
 * the order they were scheduled. Cancelled timers are dropped lazily when they reach the top.
 */
export interface Timer {
  id: number;
  at: number;
  kind: string;
  payload: JsonObject;
}

export interface SchedulerSnapshot {
  nextId: number;
  timers: Timer[];
}

export class Scheduler {
  private heap: Timer[] = [];
  /** Ids of the timers in the heap; cancel() only marks these, so size stays right and the set stays small. */
  private queued = new Set<number>();
  private cancelled = new Set<number>();
  private nextId = 1;

  schedule(at: number, kind: string, payload: JsonObject): number {
    const timer: Timer = { id: this.nextId++, at, kind, payload };
    this.heap.push(timer);
    this.queued.add(timer.id);
    this.siftUp(this.heap.length - 1);
    return timer.id;
  }

  /**
   * Queues a timer that just fired again under its own id (a periodic timer keeps one id whatever its
   * cadence, so the ids handed out do not depend on how often it fired); a new id if `id` is queued or unknown.
   */
  reschedule(id: number, at: number, kind: string, payload: JsonObject): number {
    if (this.queued.has(id) || id <= 0 || id >= this.nextId) return this.schedule(at, kind, payload);
    this.heap.push({ id, at, kind, payload });
    this.queued.add(id);
    this.siftUp(this.heap.length - 1);
    return id;
  }

  /** Cancels a pending timer; ids that already fired, were cancelled or never existed are ignored. */
  cancel(id: number | undefined | null): void {
    if (id !== undefined && id !== null && this.queued.has(id)) this.cancelled.add(id);
  }

  /** Removes and returns the earliest live timer due at or before `limit`, if any. */
  popDue(limit: number): Timer | undefined {
    for (;;) {
      const top = this.heap[0];
      if (top === undefined || top.at > limit) return undefined;
      this.popTop();
      this.queued.delete(top.id);
      if (this.cancelled.delete(top.id)) continue;
      return top;
    }
  }

  /**
   * The deadline of the earliest pending timer, if any; with `include`, of the earliest pending timer
   * whose kind it accepts (a scan of the queue, which holds a few timers per campaign).
   */
  nextAt(include?: (kind: string) => boolean): number | undefined {
    if (include !== undefined) {
      let best: number | undefined;
      for (const t of this.heap) if ((best === undefined || t.at < best) && include(t.kind) && !this.cancelled.has(t.id)) best = t.at;
      return best;
    }
    for (;;) {
      const top = this.heap[0];
      if (top === undefined) return undefined;
      if (!this.cancelled.has(top.id)) return top.at;
      this.popTop();
      this.queued.delete(top.id);
      this.cancelled.delete(top.id);
    }
  }

  /** Pending (not cancelled) timers, earliest first. */
  pending(): Timer[] {
    return this.heap.filter((t) => !this.cancelled.has(t.id)).sort(compare);
  }

  get size(): number {
    return this.heap.length - this.cancelled.size;
  }

  snapshot(): SchedulerSnapshot {
    return { nextId: this.nextId, timers: this.pending() };
  }

  restore(snapshot: SchedulerSnapshot): void {
    this.heap = [...snapshot.timers].sort(compare);
    this.queued = new Set(this.heap.map((t) => t.id));
    this.cancelled.clear();
    this.nextId = snapshot.nextId;
  }

  private popTop(): void {
    const last = this.heap.pop();
    if (last === undefined || this.heap.length === 0) return;
    this.heap[0] = last;
    this.siftDown(0);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    let i = index;
    const item = heap[i];
    if (item === undefined) return;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex];
      if (parent === undefined || compare(parent, item) <= 0) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = item;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const n = heap.length;
    let i = index;
    const item = heap[i];
    if (item === undefined) return;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const left = heap[l];
      const right = heap[l + 1];
      let childIndex = l;
      let child = left;
      if (right !== undefined && left !== undefined && compare(right, left) < 0) {
        childIndex = l + 1;
        child = right;
      }
      if (child === undefined || compare(child, item) >= 0) break;
      heap[i] = child;
      i = childIndex;
    }
    heap[i] = item;
  }
}

function compare(a: Timer, b: Timer): number {
  return a.at - b.at || a.id - b.id;
}
