package dev.citypark.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a payment callback the way a provider does: {@code t=<epoch s>,v1=hex(HMAC-SHA256(secret, t + "." + body))}. */
final class Signatures {

    private Signatures() {
    }

    static String sign(String secret, String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return "t=" + t + ",v1=" + hex;
    }
}
