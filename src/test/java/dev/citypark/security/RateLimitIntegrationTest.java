package dev.citypark.security;

import java.util.Map;

import dev.citypark.CityparkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tight limits in a context of its own (closed afterwards, Kafka listeners not started so it takes no partitions
 * from the suite's shared context): anonymous search per IP, refused credentials and the auth endpoints per IP, and
 * API keys counted separately from anonymous callers.
 */
@CityparkIntegrationTest
@TestPropertySource(properties = {
        "citypark.security.rate-limits.anonymous-search=3/1h",
        "citypark.security.rate-limits.auth=4/1h",
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext
class RateLimitIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void anonymousSearchIsLimitedPerIpWithARetryAfterProblemButApiKeysAreNot() {
        for (int i = 0; i < 3; i++) {
            web.get().uri("/api/v1/search/anything").exchange()
                    .expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        }
        web.get().uri("/api/v1/search/anything").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:too-many-requests")
                .jsonPath("$.status").isEqualTo(429);
        // a gateway's key has its own, generous bucket
        web.get().uri("/api/v1/search/anything").headers(TestCallers.operator1()).exchange()
                .expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        // other public reads have their own per-IP bucket
        web.get().uri("/api/v1/tariffs").exchange().expectStatus().isOk();
    }

    @Test
    void guessingCredentialsOrCodesEndsInTooManyRequests() {
        for (int i = 0; i < 3; i++) {
            web.get().uri("/api/v1/admin/operators/OP-GAR-01/api-keys").header("X-Admin-Token", "guess-" + i)
                    .exchange().expectStatus().isUnauthorized();
        }
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", TestCallers.DRIVER_PHONE, "code", "000000")).exchange()
                .expectStatus().isUnauthorized();
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", TestCallers.DRIVER_PHONE, "code", "000001")).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        web.get().uri("/api/v1/operator/anything").header("X-Api-Key", "devop001.guess").exchange()
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:too-many-requests");
        // the right credential still works: only refusals and sign-ins count against the IP
        web.get().uri("/api/v1/admin/operators/OP-GAR-01/api-keys").headers(TestCallers.admin()).exchange()
                .expectStatus().isOk();
    }
}
