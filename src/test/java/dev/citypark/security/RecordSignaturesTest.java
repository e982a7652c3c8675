package dev.citypark.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSignaturesTest {

    @Test
    void signatureIsBase64HmacSha256OfThePayload() {
        // RFC 4231 test case 1
        String key = "\u000b".repeat(20);
        byte[] expected = HexFormat.of().parseHex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");

        String signature = RecordSignatures.signature(key, "Hi There".getBytes(StandardCharsets.US_ASCII));

        assertThat(Base64.getDecoder().decode(signature)).isEqualTo(expected);
    }

    @Test
    void signingSetsBothHeadersAndReplacesEarlierOnes() {
        RecordHeaders headers = new RecordHeaders();
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        RecordSignatures.sign(headers, "k-old", "secret-1", payload);
        RecordSignatures.sign(headers, "k-new", "secret-2", payload);

        assertThat(headers.headers(RecordSignatures.KEY_ID_HEADER)).hasSize(1);
        assertThat(new String(headers.lastHeader(RecordSignatures.KEY_ID_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("k-new");
        assertThat(new String(headers.lastHeader(RecordSignatures.SIGNATURE_HEADER).value(), StandardCharsets.US_ASCII))
                .isEqualTo(RecordSignatures.signature("secret-2", payload));
    }

    @Test
    void differentPayloadsOrSecretsGiveDifferentSignatures() {
        byte[] payload = "{\"free\":12}".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordSignatures.signature("s", payload))
                .isNotEqualTo(RecordSignatures.signature("s", "{\"free\":13}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(RecordSignatures.signature("t", payload));
    }
}
