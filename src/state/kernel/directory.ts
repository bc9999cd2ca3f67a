/**
 * Which tenants of a registry own a key (a YooMoney campaign id, say), so a question about every tenant
 * ("does another partner own campaign 1234?") is one lookup instead of a scan of all of them. Providers
 * claim keys as they create things; the registry releases all of a tenant's keys when it drops the tenant
 * (a reset, a state import replacing it, an eviction, an import refused half-way). A dropped tenant that
 * an unfinished call still holds can claim nothing more.
 */
export class Directory<Owner extends object> {
  /** `kind \0 key` -> the tenants holding it. */
  private owners = new Map<string, Set<Owner>>();
  /** tenant -> the `kind \0 key` entries it holds, so dropping it costs what it owns, not a scan. */
  private held = new Map<Owner, Set<string>>();
  private dropped = new WeakSet<Owner>();

  claim(tenant: Owner, kind: string, key: string | number): void {
    if (this.dropped.has(tenant)) return;
    const entry = entryOf(kind, key);
    let owners = this.owners.get(entry);
    if (owners === undefined) {
      owners = new Set();
      this.owners.set(entry, owners);
    }
    owners.add(tenant);
    let keys = this.held.get(tenant);
    if (keys === undefined) {
      keys = new Set();
      this.held.set(tenant, keys);
    }
    keys.add(entry);
  }

  unclaim(tenant: Owner, kind: string, key: string | number): void {
    const entry = entryOf(kind, key);
    this.forget(tenant, entry);
    this.held.get(tenant)?.delete(entry);
  }

  /** Whether a tenant other than `tenant` holds the key. */
  heldByAnother(tenant: Owner, kind: string, key: string | number): boolean {
    const owners = this.owners.get(entryOf(kind, key));
    if (owners === undefined) return false;
    return owners.size > (owners.has(tenant) ? 1 : 0);
  }

  /** Releases every key `tenant` holds; it can claim none afterwards. */
  drop(tenant: Owner): void {
    this.dropped.add(tenant);
    const keys = this.held.get(tenant);
    if (keys === undefined) return;
    for (const entry of keys) this.forget(tenant, entry);
    this.held.delete(tenant);
  }

  /** How many keys are held (all kinds, all tenants). */
  get size(): number {
    return this.owners.size;
  }

  private forget(tenant: Owner, entry: string): void {
    const owners = this.owners.get(entry);
    if (owners === undefined) return;
    owners.delete(tenant);
    if (owners.size === 0) this.owners.delete(entry);
  }
}

function entryOf(kind: string, key: string | number): string {
  return `${kind}\u0000${key}`;
}
