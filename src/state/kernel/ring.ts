/** A bounded list that keeps the newest `capacity` items (request journal, event log). */
export class Ring<T> {
  private items: T[] = [];
  private start = 0;
  private dropped = 0;

  constructor(readonly capacity: number) {}

  push(item: T): void {
    if (this.capacity <= 0) {
      this.dropped++;
      return;
    }
    if (this.items.length === 0) {
      // An array literal of one: push() on an empty array reserves room for 17, and most tenants
      // (one call, then gone) never journal a second one.
      this.items = [item];
      return;
    }
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    this.dropped++;
  }

  /** Oldest first. */
  toArray(): T[] {
    return this.items.slice(this.start).concat(this.items.slice(0, this.start));
  }

  /** How many items were pushed out by newer ones since the last clear. */
  get droppedCount(): number {
    return this.dropped;
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * Replaces the items with `items` (oldest first) and the dropped count with `dropped`, as a durable snapshot
   * kept them (tenant-history.ts); past the capacity (a smaller size since) the oldest go and count as dropped.
   */
  restore(items: readonly T[], dropped: number): void {
    const kept = this.capacity <= 0 ? [] : items.slice(Math.max(0, items.length - this.capacity));
    this.items = kept;
    this.start = 0;
    this.dropped = dropped + items.length - kept.length;
  }

  clear(): void {
    this.items = [];
    this.start = 0;
    this.dropped = 0;
  }
}
