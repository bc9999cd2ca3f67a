import { createHash } from "node:crypto";

/**
 * The Lua scripts of the Redis store (src/persistence/redis-log-store.ts). Each runs atomically in Redis, so
 * one script is one step of a tenant's stored state whatever the number of replicas.
 *
 * A tenant's keys (see redisKeys): `log`, a list of its entries after the snapshot, each the JSON text
 * `{"seq":…,"at":…,"input":…}`; `snapshot`, a hash with `seq`, `key` (the list of the snapshot text's chunks,
 * `snapshot:<seq>`) and `previous` (the one before, kept until the next snapshot so a reader that has just been
 * given it can still read it); `tokens`, the set of tokens indexed under it; `records`, the texts of its
 * registry records (its issued tokens) in the registry list. The tenant's last seq is the snapshot's seq (0
 * without one) + the log's length: one source of truth, nothing to keep in step.
 *
 * The tenant TTL (`--tenant-ttl`) in the store: every append and token record sets the tenant's last use in
 * `used` (a sorted set, the replicas' real time, as memory mode's TTL); a tenant whose last use is older than the
 * TTL is forgotten whole, with its registry records (TENANT_PRELUDE's `forget`), by the periodic SWEEP (bounded
 * per run) and, lazily, by any script about to use it (APPEND, APPEND_REGISTRY, REGISTRY_SINCE). Removing records
 * from the registry list bumps its generation: a replica reading by index reads it again from 0.
 *
 * A snapshot's text is written in chunks (PUSH_CHUNK, each its own command) to a staging list and swapped in by
 * COMMIT_SNAPSHOT: Redis runs one command at a time, so one big write would stall every other tenant's calls
 * for as long as it takes (a 50 MB text in one script: other tenants' appends waited up to 440 ms).
 *
 * The scripts touch keys named in other keys (a snapshot's chunk lists): they suit one Redis server (with its
 * replicas), not Redis Cluster.
 */
export interface RedisScript {
  /** What it does, for error messages. */
  name: string;
  source: string;
  /** SHA1 of the source: what EVALSHA names (Redis computes the same). */
  sha: string;
}

function script(name: string, source: string): RedisScript {
  return { name, source, sha: createHash("sha1").update(source).digest("hex") };
}

/**
 * The names of the store's keys, one rule for the TypeScript side (redis-log-store.ts: redisKeys) and the Lua
 * side (TENANT_PRELUDE): under the sandbox's prefix, a few global keys and per tenant `tenant:<id>:<part>`.
 */
export const GLOBAL_KEYS = {
  /** Set: every tenant with stored state. */
  tenants: "tenants",
  /** Hash token -> tenant (INDEX_TOKEN). */
  tokenIndex: "tokens",
  /** List: the registry records (issued tokens, passwords), read by index by every replica. */
  registry: "registry",
  /** Integer: bumped each time records are removed from the registry list (replicas then read it again from 0). */
  generation: "registry:generation",
  /** Sorted set tenant -> its last use (real time, ms, the replicas' clocks): what the TTL sweep reads. */
  used: "used",
  /** Hash tenant -> its first use (real time, ms). */
  created: "created",
} as const;
/** A tenant's key: `<prefix>tenant:<id>:<part>` (`log`, `snapshot`, `tokens`, `records`, ...). */
export const TENANT_KEY_HEAD = "tenant:";

const luaGlobal = (name: keyof typeof GLOBAL_KEYS): string => `P .. ${JSON.stringify(GLOBAL_KEYS[name])}`;

/**
 * Lua shared by the scripts that may forget a tenant (ARGV[1] is always the key prefix). `forget(id)` removes
 * everything stored of tenant `id`: its log, snapshot (and its chunk lists), token set and token-index entries,
 * its place in the tenant set, the use times, and notes its registry records (the texts in `tenant:<id>:records`)
 * for `compactRegistry()`, which rewrites the registry list without them and bumps its generation, so every
 * replica reads the list again from 0 (indexes into it changed). `expireIfIdle(id, before)` forgets `id` when its
 * last use is before `before` (the caller's real time minus the TTL).
 */
const TENANT_PRELUDE = `local P = ARGV[1]
local function tk(id, part) return P .. ${JSON.stringify(TENANT_KEY_HEAD)} .. id .. ':' .. part end
local gone = {}
local goneCount = 0
local function forget(id)
  local snapshot = tk(id, 'snapshot')
  for _, list in ipairs(redis.call('HMGET', snapshot, 'key', 'previous')) do
    if list then redis.call('UNLINK', list) end
  end
  for _, token in ipairs(redis.call('SMEMBERS', tk(id, 'tokens'))) do
    if redis.call('HGET', ${luaGlobal("tokenIndex")}, token) == id then redis.call('HDEL', ${luaGlobal("tokenIndex")}, token) end
  end
  for _, text in ipairs(redis.call('SMEMBERS', tk(id, 'records'))) do
    gone[text] = true
    goneCount = goneCount + 1
  end
  redis.call('DEL', tk(id, 'log'), snapshot, tk(id, 'tokens'), tk(id, 'records'))
  redis.call('SREM', ${luaGlobal("tenants")}, id)
  redis.call('ZREM', ${luaGlobal("used")}, id)
  redis.call('HDEL', ${luaGlobal("created")}, id)
end
local function expireIfIdle(id, before)
  local used = redis.call('ZSCORE', ${luaGlobal("used")}, id)
  if used and tonumber(used) < before then forget(id) end
end
local function compactRegistry()
  if goneCount == 0 then return end
  local key = ${luaGlobal("registry")}
  local kept = {}
  for _, text in ipairs(redis.call('LRANGE', key, 0, -1)) do
    if not gone[text] then kept[#kept + 1] = text end
  end
  redis.call('DEL', key)
  for i = 1, #kept, 1000 do redis.call('RPUSH', key, unpack(kept, i, math.min(i + 999, #kept))) end
  redis.call('INCR', ${luaGlobal("generation")})
  gone = {}
  goneCount = 0
end
local function touch(id, at)
  redis.call('ZADD', ${luaGlobal("used")}, 'GT', at, id)
  redis.call('HSETNX', ${luaGlobal("created")}, id, at)
end
`;

/**
 * KEYS: log, snapshot, tenants set. ARGV: key prefix, tenant id, known, at, input (JSON text), expired-before
 * ("" without a TTL).
 * Forgets the tenant first when it was idle past the TTL (as memory mode's eviction: the entry then starts a
 * fresh tenant), appends the entry with the next seq, marks the tenant used at `at`, and returns `{seq, 0,
 * missed...}` when `known` lies between the snapshot's seq and the last seq; else `{seq, 1 (known below the
 * snapshot) or 2 (known past the last seq), entries before seq..., snapshot seq or nil, snapshot chunk list or
 * nil}` (the stored tenant before the new entry, to reload). A replica that knows nothing of the tenant (known 0)
 * gets every entry when there is no snapshot, else (1) the snapshot and the entries after it.
 */
export const APPEND = script(
  "append",
  `${TENANT_PRELUDE}local id = ARGV[2]
if ARGV[6] ~= '' then expireIfIdle(id, tonumber(ARGV[6])) end
compactRegistry()
local base = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
local count = redis.call('LLEN', KEYS[1])
local last = base + count
local known = tonumber(ARGV[3])
local seq = last + 1
-- Read before the push (an LRANGE stop of count - 1 = -1 on an empty log would mean "to the end").
local reply
if known >= base and known <= last then
  reply = {seq, 0, redis.call('LRANGE', KEYS[1], known - base, -1)}
else
  local reason = 1
  if known > last then reason = 2 end
  local snapshot = redis.call('HMGET', KEYS[2], 'seq', 'key')
  reply = {seq, reason, redis.call('LRANGE', KEYS[1], 0, -1), snapshot[1], snapshot[2]}
end
redis.call('RPUSH', KEYS[1], '{"seq":' .. seq .. ',"at":' .. ARGV[4] .. ',"input":' .. ARGV[5] .. '}')
redis.call('SADD', KEYS[3], id)
touch(id, ARGV[4])
return reply`,
);

/**
 * KEYS: log, snapshot. Returns `{snapshot seq or nil, its chunk list or nil, entries...}`, read at one moment;
 * the caller then reads the chunks (LINDEX), and loads again if the list went meanwhile.
 */
export const LOAD = script(
  "load",
  `local snapshot = redis.call('HMGET', KEYS[2], 'seq', 'key')
return {snapshot[1], snapshot[2], redis.call('LRANGE', KEYS[1], 0, -1)}`,
);

/**
 * KEYS: a staging list. ARGV: index, chunk, seconds to live.
 * Pushes the chunk as the list's `index`-th item unless it is there already (so a retry never doubles it), and
 * keeps the list for a while (a replica that dies mid-snapshot leaves nothing behind for long). Returns the length.
 */
export const PUSH_CHUNK = script(
  "saveSnapshot (a chunk)",
  `if redis.call('LLEN', KEYS[1]) == tonumber(ARGV[1]) then
  redis.call('RPUSH', KEYS[1], ARGV[2])
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return redis.call('LLEN', KEYS[1])`,
);

/**
 * KEYS: log, snapshot, tenants set, staging list, the snapshot's chunk list. ARGV: tenant id, seq.
 * Swaps the staged text in as the tenant's snapshot and drops the entries up to seq, in one step. Returns 1, or
 * 0 when the stored snapshot is as new or newer (another replica's: kept, the staged text goes). A seq past the
 * last entry is an error (the caller's bug).
 */
export const COMMIT_SNAPSHOT = script(
  "saveSnapshot",
  `local base = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
local seq = tonumber(ARGV[2])
local last = base + redis.call('LLEN', KEYS[1])
if seq <= base then
  redis.call('UNLINK', KEYS[4])
  return 0
end
if seq > last then
  redis.call('UNLINK', KEYS[4])
  return redis.error_reply('ERR snapshot of tenant ' .. ARGV[1] .. ' at seq ' .. seq .. ' is past its last entry ' .. last)
end
if redis.call('EXISTS', KEYS[4]) == 0 then
  return redis.error_reply('ERR the staged snapshot of tenant ' .. ARGV[1] .. ' at seq ' .. seq .. ' is gone (expired?); take it again')
end
redis.call('RENAME', KEYS[4], KEYS[5])
redis.call('PERSIST', KEYS[5])
local previous = redis.call('HGET', KEYS[2], 'previous')
if previous then redis.call('UNLINK', previous) end
local current = redis.call('HGET', KEYS[2], 'key')
if current then redis.call('HSET', KEYS[2], 'previous', current) end
redis.call('HSET', KEYS[2], 'seq', seq, 'key', KEYS[5])
redis.call('LTRIM', KEYS[1], seq - base, -1)
redis.call('SADD', KEYS[3], ARGV[1])
return 1`,
);

/**
 * KEYS: log, snapshot, the tenant's tokens set (declared; TENANT_PRELUDE names them again). ARGV: key prefix,
 * tenant id. Removes the tenant's state (its snapshots' chunk lists too), the tokens indexed under it (a token
 * re-indexed under another tenant stays) and its registry records.
 */
export const DROP = script(
  "drop",
  `${TENANT_PRELUDE}forget(ARGV[2])
compactRegistry()
return 1`,
);

/**
 * KEYS: registry list. ARGV: key prefix, record (JSON text), tenant id ("" for a record of no tenant: a
 * password), at, expired-before ("" without a TTL).
 * Appends a registry record. A tenant's record (an issued token) also marks the tenant used at `at` and is kept
 * in its `records` set, so forgetting the tenant removes it; a tenant idle past the TTL is forgotten first (as
 * memory mode: issuing for an evicted tenant makes a fresh one).
 */
export const APPEND_REGISTRY = script(
  "appendRegistry",
  `${TENANT_PRELUDE}local id = ARGV[3]
if id ~= '' then
  if ARGV[5] ~= '' then expireIfIdle(id, tonumber(ARGV[5])) end
  compactRegistry()
  redis.call('SADD', tk(id, 'records'), ARGV[2])
  touch(id, ARGV[4])
end
redis.call('RPUSH', KEYS[1], ARGV[2])
return 1`,
);

/**
 * KEYS: registry list, its generation. ARGV: key prefix, index, the generation the caller read at, tenant id
 * to check first ("" none), expired-before ("" without a TTL).
 * Returns `{generation, from, records...}`: the records from `index` on when the generation is the caller's,
 * else every record (from 0: records were removed, indexes changed). The tenant named is forgotten first when
 * idle past the TTL, so a replica never brings back a tenant (and its tokens) the TTL removed.
 */
export const REGISTRY_SINCE = script(
  "registrySince",
  `${TENANT_PRELUDE}if ARGV[4] ~= '' and ARGV[5] ~= '' then expireIfIdle(ARGV[4], tonumber(ARGV[5])) end
compactRegistry()
local generation = tonumber(redis.call('GET', KEYS[2]) or '0')
local from = tonumber(ARGV[2])
if generation ~= tonumber(ARGV[3]) then from = 0 end
return {generation, from, redis.call('LRANGE', KEYS[1], from, -1)}`,
);

/**
 * KEYS: the use-time sorted set. ARGV: key prefix, expired-before, limit.
 * Forgets up to `limit` tenants whose last use is before `expired-before`, oldest first (bounded work per run),
 * compacts the registry list once, and returns their ids.
 */
export const SWEEP = script(
  "sweep",
  `${TENANT_PRELUDE}local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do forget(id) end
compactRegistry()
return ids`,
);

/**
 * KEYS: the use-time sorted set, the first-use hash. ARGV: used-since ("-inf" without a TTL).
 * Returns `{id, last use, first use, ...}` for every tenant used since then (the ones idle past the TTL are not listed).
 */
export const TENANTS_IN_USE = script(
  "tenantsInUse",
  `local used = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '+inf', 'WITHSCORES')
local out = {}
for i = 1, #used, 2 do
  out[#out + 1] = used[i]
  out[#out + 1] = used[i + 1]
  out[#out + 1] = redis.call('HGET', KEYS[2], used[i]) or used[i + 1]
end
return out`,
);

/**
 * KEYS: token index hash, the tenant's tokens set. ARGV: token, tenant id.
 * Indexes the token under the tenant (a token issued again for another tenant moves to it).
 */
export const INDEX_TOKEN = script(
  "indexToken",
  `redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1`,
);
