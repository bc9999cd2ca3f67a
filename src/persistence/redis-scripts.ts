import { createHash } from "node:crypto";

/**
 * The Lua scripts of the Redis store (src/persistence/redis-log-store.ts). Each runs atomically in Redis, so
 * one script is one step of a tenant's stored state whatever the number of replicas.
 *
 * A tenant's keys (see redisKeys): `log`, a list of its entries after the snapshot, each the JSON text
 * `{"seq":…,"at":…,"input":…}`; `snapshot`, a hash with `seq`, `key` (the list of the snapshot text's chunks,
 * `snapshot:<seq>`) and `previous` (the one before, kept until the next snapshot so a reader that has just been
 * given it can still read it); `tokens`, the set of tokens indexed under it. The tenant's last seq is the
 * snapshot's seq (0 without one) + the log's length: one source of truth, nothing to keep in step.
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
 * KEYS: log, snapshot, tenants set. ARGV: tenant id, known, at, input (JSON text).
 * Appends the entry with the next seq and returns `{seq, 0, missed...}` when `known` lies between the snapshot's
 * seq and the last seq; else `{seq, 1 (known below the snapshot) or 2 (known past the last seq), entries before
 * seq..., snapshot seq or nil, snapshot chunk list or nil}` (the stored tenant before the new entry, to reload).
 */
export const APPEND = script(
  "append",
  `local base = tonumber(redis.call('HGET', KEYS[2], 'seq') or '0')
local count = redis.call('LLEN', KEYS[1])
local last = base + count
local known = tonumber(ARGV[2])
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
redis.call('RPUSH', KEYS[1], '{"seq":' .. seq .. ',"at":' .. ARGV[3] .. ',"input":' .. ARGV[4] .. '}')
redis.call('SADD', KEYS[3], ARGV[1])
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
 * KEYS: log, snapshot, tenant's tokens set, token index hash, tenants set. ARGV: tenant id.
 * Removes the tenant's state (its snapshots' chunk lists too) and the tokens indexed under it (a token
 * re-indexed under another tenant stays).
 */
export const DROP = script(
  "drop",
  `for _, token in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if redis.call('HGET', KEYS[4], token) == ARGV[1] then redis.call('HDEL', KEYS[4], token) end
end
for _, list in ipairs(redis.call('HMGET', KEYS[2], 'key', 'previous')) do
  if list then redis.call('UNLINK', list) end
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('SREM', KEYS[5], ARGV[1])
return 1`,
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
