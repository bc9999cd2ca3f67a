import { Directory } from "./directory.js";
import { StringPool } from "./string-pool.js";

/** What every tenant of one registry shares: the index of who owns what, and the pool of equal strings. */
export interface TenantShared {
  directory: Directory;
  strings: StringPool;
}

/** A registry's shared parts (a tenant made outside a registry gets its own). */
export function newTenantShared(): TenantShared {
  return { directory: new Directory(), strings: new StringPool() };
}
