package dev.citypark.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.citypark.CityparkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Security headers, CORS for a configured origin, the request body limit and the JSON depth limit. In a context of
 * its own because it configures a CORS origin (closed afterwards; Kafka listeners not started).
 */
@CityparkIntegrationTest
@TestPropertySource(properties = {
        "citypark.security.cors.allowed-origins=https://bureau.citypark.test",
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext
class HardeningIntegrationTest {

    static final String ALLOWED = "https://bureau.citypark.test";

    @Autowired
    WebTestClient web;

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (WebTestClient.ResponseSpec response : new WebTestClient.ResponseSpec[] {
                web.get().uri("/api/v1/tariffs").exchange(),
                web.get().uri("/api/v1/operator/anything").exchange()}) {
            response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueMatches("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'.*")
                    .expectHeader().doesNotExist("Strict-Transport-Security"); // plain HTTP here; HSTS on HTTPS only
        }
    }

    @Test
    void configuredOriginGetsCorsOthersAProblem() {
        web.get().uri("/api/v1/tariffs").header("Origin", ALLOWED).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", ALLOWED);
        web.options().uri("/api/v1/tariffs").header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", ALLOWED)
                .expectHeader().valueMatches("Access-Control-Allow-Methods", ".*GET.*");
        web.get().uri("/api/v1/tariffs").header("Origin", "https://evil.example").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:forbidden");
        web.method(HttpMethod.OPTIONS).uri("/api/v1/tariffs").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void oversizedBodyIsPayloadTooLargeProblem() {
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:payload-too-large");

        // chunked, without Content-Length: refused while streaming
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 48).map(i -> buffers.wrap(new byte[64 * 1024]));
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:payload-too-large");
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRefused() {
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signInWithExtraNesting(20)).exchange()
                .expectStatus().isOk();
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signInWithExtraNesting(40)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:malformed-request");
    }

    static byte[] signInWithExtraNesting(int depth) {
        String json = "{\"phone\":\"" + TestCallers.DRIVER_PHONE + "\",\"code\":\"" + TestCallers.VERIFICATION_CODE
                + "\",\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
