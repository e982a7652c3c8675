-- citypark live availability: one place's state as JSON, read atomically (hash and recent flows together), for
-- snapshots. KEYS[1] the place hash, KEYS[2] its recent flows. Returns '' for a place without state, else
-- {"h":[field, value, ...], "f":[member, score, ...]}.
local h = redis.call('HGETALL', KEYS[1])
local f = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
if #h == 0 and #f == 0 then return '' end
return cjson.encode({h = h, f = f})
