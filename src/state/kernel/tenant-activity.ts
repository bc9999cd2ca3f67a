/** A tenant's real (wall-clock) creation and last-use times, epoch ms, for GET /__sandbox/tenants and eviction. */
export interface TenantActivity {
  createdAt: number;
  lastUsedAt: number;
}

/**
 * When each tenant was created and last used, in real time, kept in order of last use (a use moves the
 * tenant to the end), so finding the tenants idle since before a cutoff reads only those, oldest first,
 * never the whole registry.
 */
export class TenantActivityLog {
  private byId = new Map<string, TenantActivity>();

  /** Records a use of tenant `id` at `now` (its creation, the first time). */
  touch(id: string, now: number): void {
    const seen = this.byId.get(id);
    if (seen === undefined) {
      this.byId.set(id, { createdAt: now, lastUsedAt: now });
      return;
    }
    seen.lastUsedAt = now;
    this.byId.delete(id);
    this.byId.set(id, seen);
  }

  forget(id: string): void {
    this.byId.delete(id);
  }

  of(id: string): TenantActivity | undefined {
    return this.byId.get(id);
  }

  /** Up to `limit` tenant ids last used before `cutoff`, oldest first. */
  usedBefore(cutoff: number, limit: number): string[] {
    const ids: string[] = [];
    for (const [id, activity] of this.byId) {
      if (activity.lastUsedAt >= cutoff || ids.length >= limit) break;
      ids.push(id);
    }
    return ids;
  }

  get size(): number {
    return this.byId.size;
  }
}
