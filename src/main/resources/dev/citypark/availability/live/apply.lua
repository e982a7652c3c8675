-- citypark live availability: apply one observation to one place, atomically.
--
-- Redis runs a script without interleaving other commands, so the read-compare-write below is atomic; both keys carry
-- the place's hash tag ({L:<lotId>} or {S:<segmentId>}), so the script is Redis-Cluster safe.
--
-- KEYS[1]  the place hash: mode, st (status for hysteresis), upd (latest observation, epoch ms), cntAt/cntSeq (latest
--          absolute count), closed, clampAt, occ.<CATEGORY>, rep.<CATEGORY> (bays reported), b.<bayId> (bay state
--          "occupied|sinceMs|observedAtMs|sequence|categoryIndex|resent")
-- KEYS[2]  the place's recent flows (sorted set, score observedAt ms, member "eventId|d1,d2,d3,d4,d5")
-- ARGV[1]  BAY | COUNT | FLOW
-- ARGV[2]  now (epoch ms), for the flow de-duplication window
-- ARGV[3..7]  capacity per category, in CATS order
-- ARGV[8]  ALMOST_FULL from this occupancy ratio, ARGV[9] ALMOST_FULL until the ratio falls to this,
-- ARGV[10] free spaces needed to leave FULL, ARGV[11] flow de-duplication window (ms)
-- BAY    ARGV[12] bay id, [13] category index 1..5, [14] occupied 0|1, [15] observedAt ms, [16] sequence or -1,
--        [17] resent 0|1
-- COUNT  ARGV[12] observedAt ms, [13] sequence or -1, [14] closed 0|1, [15..19] occupied per category or -1
-- FLOW   ARGV[12] observedAt ms, [13] event id, [14..18] change of occupied per category (entries - exits)
--
-- Returns "<outcome>|<status>": applied, clamped (applied, a count was held within 0..capacity), older (an
-- observation at least as new is already applied), duplicate, superseded (counts of a place whose bays report),
-- expired (a flow older than the de-duplication window).

local CATS = {'GENERAL', 'EV_CHARGING', 'DISABLED', 'LARGE', 'NEV'}
local place, flows = KEYS[1], KEYS[2]
local op = ARGV[1]
local now = tonumber(ARGV[2])
local cap = {}
for i = 1, 5 do cap[i] = tonumber(ARGV[2 + i]) end
local enter, leave, fullExitFree = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local window = tonumber(ARGV[11])

local s = redis.call('HMGET', place, 'mode', 'st', 'upd', 'cntAt', 'cntSeq',
    'occ.GENERAL', 'occ.EV_CHARGING', 'occ.DISABLED', 'occ.LARGE', 'occ.NEV',
    'rep.GENERAL', 'rep.EV_CHARGING', 'rep.DISABLED', 'rep.LARGE', 'rep.NEV')
local mode, st, upd, cntAt, cntSeq = s[1], s[2], tonumber(s[3]), tonumber(s[4]), tonumber(s[5])
local occ, rep = {}, {}
for i = 1, 5 do
    occ[i] = tonumber(s[5 + i]) or 0
    rep[i] = tonumber(s[10 + i]) or 0
end
local stText = st or ''

local function status(prev, occupied, known)
    if known <= 0 then return 'UNKNOWN' end
    local free = known - occupied
    if free <= 0 then return 'FULL' end
    if prev == 'FULL' and free < math.min(fullExitFree, known) then return 'FULL' end
    local ratio = occupied / known
    if ratio >= enter then return 'ALMOST_FULL' end
    if (prev == 'FULL' or prev == 'ALMOST_FULL') and ratio > leave then return 'ALMOST_FULL' end
    return 'OPEN'
end

local function clamp()
    local clamped = false
    for i = 1, 5 do
        if occ[i] < 0 then occ[i] = 0; clamped = true end
        if occ[i] > cap[i] then occ[i] = cap[i]; clamped = true end
    end
    return clamped
end

local function addDeltas(member, sign)
    local i = 0
    for d in string.gmatch(string.match(member, '|([^|]*)$'), '(-?%d+)') do
        i = i + 1
        occ[i] = occ[i] + sign * tonumber(d)
    end
end

local out = 'applied'
local obsText
local fields = {}
local function set(k, v)
    fields[#fields + 1] = k
    fields[#fields + 1] = v
end

if op == 'BAY' then
    local bay, ci, o = ARGV[12], tonumber(ARGV[13]), tonumber(ARGV[14])
    obsText = ARGV[15]
    local obs, seq = tonumber(obsText), tonumber(ARGV[16])
    if mode ~= 'BAYS' then
        -- the first bay report: from now on this place's counts derive from its bays
        for i = 1, 5 do occ[i] = 0; rep[i] = 0 end
        mode = 'BAYS'
        redis.call('DEL', flows)
        redis.call('HDEL', place, 'cntAt', 'cntSeq', 'clampAt')
        set('mode', 'BAYS')
    end
    local f = 'b.' .. bay
    local cur = redis.call('HGET', place, f)
    local sinceText = obsText
    if cur then
        local cO, cSince, cObs, cSeq = string.match(cur, '^(%d)|(%-?%d+)|(%-?%d+)|(%-?%d+)|')
        cO, cObs, cSeq = tonumber(cO), tonumber(cObs), tonumber(cSeq)
        if obs < cObs or (obs == cObs and seq <= cSeq) then
            if obs == cObs and seq == cSeq and o == cO then return 'duplicate|' .. stText end
            return 'older|' .. stText
        end
        if o == cO then
            sinceText = cSince
        else
            occ[ci] = occ[ci] + o - cO
        end
    else
        rep[ci] = rep[ci] + 1
        occ[ci] = occ[ci] + o
    end
    set(f, o .. '|' .. sinceText .. '|' .. obsText .. '|' .. ARGV[16] .. '|' .. ci .. '|' .. ARGV[17])
    for i = 1, 5 do set('rep.' .. CATS[i], rep[i]) end
elseif op == 'COUNT' then
    if mode == 'BAYS' then return 'superseded|' .. stText end
    obsText = ARGV[12]
    local obs, seq = tonumber(obsText), tonumber(ARGV[13])
    if cntAt and (obs < cntAt or (obs == cntAt and seq <= (cntSeq or -1))) then
        if obs == cntAt and seq == cntSeq then return 'duplicate|' .. stText end
        return 'older|' .. stText
    end
    for i = 1, 5 do
        local v = tonumber(ARGV[14 + i])
        if v >= 0 then occ[i] = v end
    end
    -- flows observed after this count are not in it: they still apply on top
    for _, member in ipairs(redis.call('ZRANGEBYSCORE', flows, '(' .. obsText, '+inf')) do
        addDeltas(member, 1)
    end
    redis.call('ZREMRANGEBYSCORE', flows, '-inf', obsText)
    if clamp() then
        out = 'clamped'
        set('clampAt', obsText)
    else
        redis.call('HDEL', place, 'clampAt')
    end
    mode = 'COUNTS'
    set('mode', 'COUNTS')
    set('cntAt', obsText)
    set('cntSeq', ARGV[13])
    set('closed', ARGV[14])
elseif op == 'FLOW' then
    if mode == 'BAYS' then return 'superseded|' .. stText end
    obsText = ARGV[12]
    local obs = tonumber(obsText)
    if cntAt and obs <= cntAt then return 'older|' .. stText end
    if obs < now - window then return 'expired|' .. stText end
    local member = ARGV[13] .. '|' .. ARGV[14] .. ',' .. ARGV[15] .. ',' .. ARGV[16] .. ',' .. ARGV[17] .. ','
        .. ARGV[18]
    if redis.call('ZSCORE', flows, member) then return 'duplicate|' .. stText end
    redis.call('ZADD', flows, obs, member)
    redis.call('ZREMRANGEBYSCORE', flows, '-inf', '(' .. (now - window))
    redis.call('PEXPIRE', flows, window)
    addDeltas(member, 1)
    if clamp() then
        out = 'clamped'
        set('clampAt', obsText)
    end
    mode = 'COUNTS'
    set('mode', 'COUNTS')
else
    return redis.error_reply('unknown operation ' .. tostring(op))
end

local occupied, known = 0, 0
for i = 1, 5 do
    occupied = occupied + occ[i]
    if mode == 'BAYS' then known = known + rep[i] else known = known + cap[i] end
    set('occ.' .. CATS[i], occ[i])
end
local next = status(st, occupied, known)
set('st', next)
if not upd or tonumber(obsText) > upd then set('upd', obsText) end
redis.call('HSET', place, unpack(fields))
return out .. '|' .. next
