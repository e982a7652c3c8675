-- citypark live availability: apply one observation to one place, atomically.
--
-- Redis runs a script without interleaving other commands, so the read-compare-write below is atomic; both keys carry
-- the place's hash tag ({L:<lotId>} or {S:<segmentId>}), so the script is Redis-Cluster safe.
--
-- KEYS[1]  the place hash: mode, st (status for hysteresis), upd (latest observation, epoch ms), cntAt/cntSeq (latest
--          absolute count), closed, clampAt, occ.<CATEGORY>; with bays also rep.<CATEGORY> (bays reported), occT and
--          knownT (totals of occ and rep) and b.<bayId> (bay state
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
local enter, leave, fullExitFree = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])

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

if op == 'BAY' then
    -- the hot path: one read, one write
    local bay, ci, o, obsText = ARGV[12], tonumber(ARGV[13]), tonumber(ARGV[14]), ARGV[15]
    local cat = CATS[ci]
    local f = 'b.' .. bay
    local s = redis.call('HMGET', place, 'mode', 'st', 'upd', 'occT', 'knownT', 'occ.' .. cat, 'rep.' .. cat, f)
    local st, upd, cur = s[2], tonumber(s[3]), s[8]
    local occT, knownT = tonumber(s[4]) or 0, tonumber(s[5]) or 0
    local occC, repC = tonumber(s[6]) or 0, tonumber(s[7]) or 0
    if s[1] ~= 'BAYS' then
        -- the first bay report: from now on this place's counts derive from its bays
        redis.call('DEL', flows)
        redis.call('HDEL', place, 'cntAt', 'cntSeq', 'clampAt', 'closed')
        redis.call('HSET', place, 'mode', 'BAYS',
            'occ.GENERAL', 0, 'occ.EV_CHARGING', 0, 'occ.DISABLED', 0, 'occ.LARGE', 0, 'occ.NEV', 0,
            'rep.GENERAL', 0, 'rep.EV_CHARGING', 0, 'rep.DISABLED', 0, 'rep.LARGE', 0, 'rep.NEV', 0)
        occT, knownT, occC, repC, cur = 0, 0, 0, 0, nil
    end
    local obs, seq = tonumber(obsText), tonumber(ARGV[16])
    local sinceText = obsText
    if cur then
        local cO, cSince, cObs, cSeq = string.match(cur, '^(%d)|(%-?%d+)|(%-?%d+)|(%-?%d+)|')
        cO, cObs, cSeq = tonumber(cO), tonumber(cObs), tonumber(cSeq)
        if obs < cObs or (obs == cObs and seq <= cSeq) then
            if obs == cObs and seq == cSeq and o == cO then return 'duplicate|' .. (st or '') end
            return 'older|' .. (st or '')
        end
        if o == cO then
            sinceText = cSince
        else
            occC = occC + o - cO
            occT = occT + o - cO
        end
    else
        repC = repC + 1
        knownT = knownT + 1
        occC = occC + o
        occT = occT + o
    end
    local nextStatus = status(st, occT, knownT)
    redis.call('HSET', place, f, o .. '|' .. sinceText .. '|' .. obsText .. '|' .. ARGV[16] .. '|' .. ci .. '|'
        .. ARGV[17], 'occ.' .. cat, occC, 'rep.' .. cat, repC, 'occT', occT, 'knownT', knownT, 'st', nextStatus,
        'upd', (upd and upd > obs) and s[3] or obsText)
    return 'applied|' .. nextStatus
end

-- lot counts and flows
local now = tonumber(ARGV[2])
local window = tonumber(ARGV[11])
local cap = {}
for i = 1, 5 do cap[i] = tonumber(ARGV[2 + i]) end
local s = redis.call('HMGET', place, 'mode', 'st', 'upd', 'cntAt', 'cntSeq',
    'occ.GENERAL', 'occ.EV_CHARGING', 'occ.DISABLED', 'occ.LARGE', 'occ.NEV')
local mode, st, upd, cntAt, cntSeq = s[1], s[2], tonumber(s[3]), tonumber(s[4]), tonumber(s[5])
local stText = st or ''
if mode == 'BAYS' then return 'superseded|' .. stText end
local occ = {}
for i = 1, 5 do occ[i] = tonumber(s[5 + i]) or 0 end

local function clamp()
    local clamped = false
    for i = 1, 5 do
        if occ[i] < 0 then occ[i] = 0; clamped = true end
        if occ[i] > cap[i] then occ[i] = cap[i]; clamped = true end
    end
    return clamped
end

local function addDeltas(member)
    local i = 0
    for d in string.gmatch(string.match(member, '|([^|]*)$'), '(-?%d+)') do
        i = i + 1
        occ[i] = occ[i] + tonumber(d)
    end
end

local out = 'applied'
local obsText = ARGV[12]
local obs = tonumber(obsText)
local fields = {}
local function set(k, v)
    fields[#fields + 1] = k
    fields[#fields + 1] = v
end

if op == 'COUNT' then
    local seq = tonumber(ARGV[13])
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
        addDeltas(member)
    end
    redis.call('ZREMRANGEBYSCORE', flows, '-inf', obsText)
    if clamp() then
        out = 'clamped'
        set('clampAt', obsText)
    else
        redis.call('HDEL', place, 'clampAt')
    end
    set('cntAt', obsText)
    set('cntSeq', ARGV[13])
    set('closed', ARGV[14])
elseif op == 'FLOW' then
    if cntAt and obs <= cntAt then return 'older|' .. stText end
    if obs < now - window then return 'expired|' .. stText end
    local member = ARGV[13] .. '|' .. ARGV[14] .. ',' .. ARGV[15] .. ',' .. ARGV[16] .. ',' .. ARGV[17] .. ','
        .. ARGV[18]
    if redis.call('ZSCORE', flows, member) then return 'duplicate|' .. stText end
    redis.call('ZADD', flows, obs, member)
    redis.call('ZREMRANGEBYSCORE', flows, '-inf', '(' .. (now - window))
    redis.call('PEXPIRE', flows, window)
    addDeltas(member)
    if clamp() then
        out = 'clamped'
        set('clampAt', obsText)
    end
else
    return redis.error_reply('unknown operation ' .. tostring(op))
end

local occupied, known = 0, 0
for i = 1, 5 do
    occupied = occupied + occ[i]
    known = known + cap[i]
    set('occ.' .. CATS[i], occ[i])
end
local nextStatus = status(st, occupied, known)
set('mode', 'COUNTS')
set('st', nextStatus)
if not upd or obs > upd then set('upd', obsText) end
redis.call('HSET', place, unpack(fields))
return out .. '|' .. nextStatus
