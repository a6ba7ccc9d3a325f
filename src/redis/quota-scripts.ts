// The shared quota's state lives in one Redis hash per OAuth client; every change is one atomic script run on
// Redis's clock. Fields: gen (window generation), resetAt (ms), confirmed (a header fixed resetAt in this gen),
// allowed, windowMs, taken (grants this gen), count (highest inin-ratelimit-count seen this gen),
// blockedUntil (ms, after a 429), needsProbe, probeUntil (ms: the probe's lease while it is out).
import { NOW_MS_LUA, lua } from './adapter.js';

const READ = `${NOW_MS_LUA}
local k = KEYS[1]
local s = redis.call('HMGET', k, 'gen', 'resetAt', 'allowed', 'windowMs', 'taken', 'count', 'blockedUntil', 'needsProbe', 'probeUntil', 'confirmed')
local gen = tonumber(s[1]) or 0
local resetAt = tonumber(s[2]) or 0
local allowed = tonumber(s[3])
local windowMs = tonumber(s[4]) or 0
local taken = tonumber(s[5]) or 0
local count = tonumber(s[6]) or 0
local blockedUntil = tonumber(s[7]) or 0
local needsProbe = s[8] == '1'
local probeUntil = tonumber(s[9]) or 0
local confirmed = s[10] == '1'`;

/** Poll interval while a probe is out (the other processes cannot be told when it is back). */
const PROBE_POLL_MS = 25;

/**
 * ARGV: headroom, probeTtlMs, stateTtlMs, take (1 = take one, 0 = only ask when one could be taken).
 * Returns {0, probe(0|1), gen} when granted, {1, waitMs, gen} when the caller must wait.
 */
export const TAKE = lua(`${READ}
local headroom = tonumber(ARGV[1])
local take = ARGV[4] == '1'
if blockedUntil > now then return {1, blockedUntil - now, gen} end
if probeUntil > now then return {1, math.min(probeUntil - now, ${PROBE_POLL_MS}), gen} end
if needsProbe then
  if not take then return {0, 0, gen} end
  redis.call('HSET', k, 'needsProbe', '0', 'probeUntil', now + tonumber(ARGV[2]))
  redis.call('PEXPIRE', k, ARGV[3])
  return {0, 1, gen}
end
if allowed and resetAt > 0 then
  if now >= resetAt then
    -- A new window: assumed to last as long as the last one until its first answer says when it ends.
    gen = gen + 1
    taken = 0
    count = 0
    resetAt = now + windowMs
    redis.call('HSET', k, 'gen', gen, 'resetAt', resetAt, 'taken', 0, 'count', 0, 'confirmed', '0')
  end
  if allowed - headroom - math.max(taken, count) <= 0 then return {1, math.max(1, resetAt - now), gen} end
end
if not take then return {0, 0, gen} end
redis.call('HINCRBY', k, 'taken', 1)
redis.call('PEXPIRE', k, ARGV[3])
return {0, 0, gen}`);

/**
 * ARGV: allowed, count, resetMs, ticket gen, probe (0|1), stateTtlMs.
 * "now + reset" is an upper bound of the window's end (reset is whole seconds rounded up, and the answer
 * arrives after the platform counted it), so the first answer of a generation fixes its end and later ones
 * only bring it earlier: the mirror never opens a window before the platform does.
 */
export const OBSERVE = lua(`${READ}
local seen = tonumber(ARGV[2])
local resetMs = tonumber(ARGV[3])
local tgen = tonumber(ARGV[4])
local endAt = now + resetMs
windowMs = math.max(windowMs, resetMs)
if ARGV[5] == '1' then
  -- The probe after a 429 went alone: its answer describes the window from scratch.
  redis.call('HSET', k, 'gen', gen + 1, 'resetAt', endAt, 'confirmed', '1', 'allowed', ARGV[1], 'windowMs', windowMs, 'taken', seen, 'count', seen)
elseif tgen == gen then
  if confirmed and resetAt > 0 then endAt = math.min(resetAt, endAt) end
  redis.call('HSET', k, 'resetAt', endAt, 'confirmed', '1', 'allowed', ARGV[1], 'windowMs', windowMs, 'count', math.max(count, seen))
else
  -- An answer from an earlier generation: its count belongs to a window that is over.
  redis.call('HSET', k, 'allowed', ARGV[1], 'windowMs', windowMs)
end
redis.call('PEXPIRE', k, ARGV[6])
return 1`);

/** ARGV: pauseMs, stateTtlMs. A 429: every process waits, then one probe goes. */
export const BLOCK = lua(`${READ}
local untilMs = now + tonumber(ARGV[1])
redis.call('HSET', k, 'blockedUntil', math.max(blockedUntil, untilMs), 'needsProbe', '1')
redis.call('PEXPIRE', k, ARGV[2])
return 1`);

/** The probe is back (its headers, if any, were merged first: same connection, same order). */
export const PROBE_DONE = lua(`redis.call('HDEL', KEYS[1], 'probeUntil')
return 1`);
