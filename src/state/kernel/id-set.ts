/**
 * A set of numeric ids that allocates nothing until the first id is added: every tenant's scheduler has
 * two, and most tenants (one call, then gone) never schedule a timer. An empty Set costs ~120 bytes.
 */
export class IdSet {
  private ids: Set<number> | undefined;

  constructor(initial?: Iterable<number>) {
    if (initial !== undefined) {
      const ids = new Set(initial);
      if (ids.size > 0) this.ids = ids;
    }
  }

  has(id: number): boolean {
    return this.ids?.has(id) ?? false;
  }

  add(id: number): void {
    (this.ids ??= new Set()).add(id);
  }

  delete(id: number): boolean {
    return this.ids?.delete(id) ?? false;
  }

  clear(): void {
    this.ids = undefined;
  }

  get size(): number {
    return this.ids?.size ?? 0;
  }
}
