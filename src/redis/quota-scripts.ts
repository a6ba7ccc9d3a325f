// The shared quota's state lives in one Redis hash per OAuth client; every change is one atomic script run on
// Redis's clock. Fields: gen (window generation), resetAt (ms), confirmed (an answer fixed resetAt in this gen),
// allowed, windowMs, taken (grants counted against this gen), count (highest inin-ratelimit-count seen this gen),
// lowAt (earliest the platform's window can end: grants from then on may land in the next one), late (grants
// since lowAt), inflight (this gen's grants not yet answered); late + inflight carry into the next gen, as they
// may be counted in the platform's next window. blockedUntil (ms, after a 429), needsProbe, probeUntil (the probe's lease).
import { NOW_MS_LUA, lua } from './adapter.js';

const READ = `${NOW_MS_LUA}
local k = KEYS[1]
local s = redis.call('HMGET', k, 'gen', 'resetAt', 'allowed', 'windowMs', 'taken', 'count', 'blockedUntil', 'needsProbe', 'probeUntil', 'confirmed', 'lowAt', 'late', 'inflight')
local gen = tonumber(s[1]) or 0
local resetAt = tonumber(s[2]) or 0
local allowed = tonumber(s[3])
local windowMs = tonumber(s[4]) or 0
local taken = tonumber(s[5]) or 0
local count = tonumber(s[6]) or 0
local blockedUntil = tonumber(s[7]) or 0
local needsProbe = s[8] == '1'
local probeUntil = tonumber(s[9]) or 0
local confirmed = s[10] == '1'
local lowAt = tonumber(s[11]) or 0`;

/** Poll interval while a probe is out (the other processes cannot be told when it is back). */
const PROBE_POLL_MS = 25;

/**
 * ARGV: headroom, probeTtlMs, stateTtlMs, take (1 = take one, 0 = only ask whether one could be taken).
 * Returns {0, probe(0|1), gen, now} when granted, {1, waitMs, gen, now} when the caller must wait.
 */
export const TAKE = lua(`${READ}
local headroom = tonumber(ARGV[1])
local take = ARGV[4] == '1'
-- No state yet (first use, or idle past its TTL): the first request goes alone, like a probe, so a crowd of
-- processes starting together learns the allowance before spending it.
if redis.call('EXISTS', k) == 0 then needsProbe = true end
if blockedUntil > now then return {1, blockedUntil - now, gen, now} end
if probeUntil > now then return {1, math.min(probeUntil - now, ${PROBE_POLL_MS}), gen, now} end
if needsProbe then
  if not take then return {0, 0, gen, now} end
  redis.call('HSET', k, 'needsProbe', '0', 'probeUntil', now + tonumber(ARGV[2]))
  redis.call('PEXPIRE', k, ARGV[3])
  return {0, 1, gen, now}
end
if allowed and resetAt > 0 then
  if now >= resetAt then
    -- A new window: assumed to last as long as the last one until its first answer says when it ends. Grants
    -- made after the old window could already have ended were possibly counted in this one: they carry over.
    gen = gen + 1
    taken = (tonumber(s[12]) or 0) + math.max(0, tonumber(s[13]) or 0)
    count = 0
    lowAt = 0
    resetAt = now + windowMs
    redis.call('HSET', k, 'gen', gen, 'resetAt', resetAt, 'taken', taken, 'count', 0, 'confirmed', '0', 'lowAt', 0, 'late', 0, 'inflight', 0)
  end
  if allowed - headroom - math.max(taken, count) <= 0 then return {1, math.max(1, resetAt - now), gen, now} end
end
if not take then return {0, 0, gen, now} end
redis.call('HINCRBY', k, 'taken', 1)
redis.call('HINCRBY', k, 'inflight', 1)
if lowAt > 0 and now >= lowAt then redis.call('HINCRBY', k, 'late', 1) end
redis.call('PEXPIRE', k, ARGV[3])
return {0, 0, gen, now}`);

/**
 * A request is over. ARGV: ticket gen, probe (0|1), stateTtlMs, grantedAt (Redis ms of the grant), then when its
 * answer carried rate-limit headers: allowed, count, resetMs.
 * "now + reset" is an upper bound of the window's end (reset is whole seconds rounded up, and the answer
 * arrives after the platform counted it), so the first answer of a generation fixes its end and later ones
 * only bring it earlier: the mirror never opens a window before the platform does. The answer that opened the
 * platform's window (count 1) also gives a lower bound: it was counted after it was granted.
 */
export const SETTLE = lua(`${READ}
local tgen = tonumber(ARGV[1])
local probe = ARGV[2] == '1'
if tgen == gen then redis.call('HINCRBY', k, 'inflight', -1) end
if probe then redis.call('HDEL', k, 'probeUntil') end
if ARGV[5] then
  local seen = tonumber(ARGV[6])
  local resetMs = tonumber(ARGV[7])
  local grantedAt = tonumber(ARGV[4])
  local endAt = now + resetMs
  local low = grantedAt + resetMs - 1000
  if seen == 1 then low = grantedAt + resetMs end
  windowMs = math.max(windowMs, resetMs)
  if probe then
    -- The probe after a 429 (or the first request) went alone: its answer describes the window from scratch.
    redis.call('HSET', k, 'gen', gen + 1, 'resetAt', endAt, 'confirmed', '1', 'allowed', ARGV[5], 'windowMs', windowMs, 'taken', seen, 'count', seen, 'lowAt', low, 'late', 0, 'inflight', 0)
  elseif tgen == gen or (tgen == gen - 1 and seen == 1) then
    -- This generation's answers, or the previous one's grant that opened the platform's current window.
    if confirmed and resetAt > 0 then endAt = math.min(resetAt, endAt) end
    if tgen ~= gen then seen = 0 end
    redis.call('HSET', k, 'resetAt', endAt, 'confirmed', '1', 'allowed', ARGV[5], 'windowMs', windowMs, 'count', math.max(count, seen), 'lowAt', math.min(endAt, math.max(lowAt, low)))
  else
    -- An answer from an earlier generation: its count belongs to a window that is over.
    redis.call('HSET', k, 'allowed', ARGV[5], 'windowMs', windowMs)
  end
end
redis.call('PEXPIRE', k, ARGV[3])
return 1`);

/** ARGV: pauseMs, stateTtlMs. A 429: every process waits, then one probe goes. */
export const BLOCK = lua(`${READ}
local untilMs = now + tonumber(ARGV[1])
redis.call('HSET', k, 'blockedUntil', math.max(blockedUntil, untilMs), 'needsProbe', '1')
redis.call('PEXPIRE', k, ARGV[2])
return 1`);
