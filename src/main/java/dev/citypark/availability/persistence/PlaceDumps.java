package dev.citypark.availability.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The snapshot payload: gzip of UTF-8 lines {@code <place token>\t<dump>}. In-memory only; no file or socket IO. */
final class PlaceDumps {

    private PlaceDumps() {
    }

    static byte[] pack(List<Map.Entry<String, String>> dumps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
            for (Map.Entry<String, String> dump : dumps) {
                gzip.write((dump.getKey() + '\t' + dump.getValue() + '\n').getBytes(StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, String> unpack(byte[] packed) {
        String text;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            text = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Corrupt availability snapshot", e);
        }
        Map<String, String> dumps = new HashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                dumps.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return dumps;
    }
}
