-- citypark live availability: replace one place's state with a dump (see dump.lua), atomically.
-- KEYS[1] the place hash, KEYS[2] its recent flows; ARGV[1] the dump ('' clears the place), ARGV[2] flows TTL (ms).
redis.call('DEL', KEYS[1], KEYS[2])
if ARGV[1] == '' then return 0 end
local d = cjson.decode(ARGV[1])
local h, f = d.h, d.f
if type(h) == 'table' then
    for i = 1, #h, 2 do redis.call('HSET', KEYS[1], h[i], h[i + 1]) end
end
if type(f) == 'table' and #f > 0 then
    for i = 1, #f, 2 do redis.call('ZADD', KEYS[2], f[i + 1], f[i]) end
    redis.call('PEXPIRE', KEYS[2], ARGV[2])
end
return 1
