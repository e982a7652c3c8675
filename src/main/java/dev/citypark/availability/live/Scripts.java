package dev.citypark.availability.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.data.redis.core.script.RedisScript;

/** Lua scripts of this package, read from the classpath once (their SHA-1 is computed then too). */
final class Scripts {

    private Scripts() {
    }

    static <T> RedisScript<T> load(String name, Class<T> resultType) {
        String path = "/dev/citypark/availability/live/" + name;
        try (InputStream in = Scripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + path);
            }
            RedisScript<T> script = RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
            script.getSha1();
            return script;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
