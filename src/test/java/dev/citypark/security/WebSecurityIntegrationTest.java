package dev.citypark.security;

import java.util.Map;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Registry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path rules, the three credentials and {@link CurrentCaller}, end to end: who gets 401, who gets 403, and
 * that the caller a controller sees is the one the credential names.
 */
@CityparkIntegrationTest
@Import(WebSecurityIntegrationTest.WhoAmI.class)
class WebSecurityIntegrationTest {

    /** A real operator of the committed registry. */
    static final OperatorId GARAGE_OPERATOR = OperatorId.of("OP-GAR-01");

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    DatabaseClient database;

    @Test
    void anonymousCallerGetsUnauthorizedProblemOnProtectedPrefixes() {
        for (String path : new String[] {"/api/v1/operator/test/whoami", "/api/v1/me/test/whoami",
                "/api/v1/analytics/test/whoami", "/api/v1/admin/operators/OP-GAR-01/api-keys", "/actuator/prometheus",
                "/api/v1/not-a-known-prefix"}) {
            web.get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueMatches("WWW-Authenticate", "Bearer realm=\"citypark\".*")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:citypark:problem:unauthorized")
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.instance").isEqualTo(path);
        }
    }

    @Test
    void publicReadsNeedNoCredential() {
        web.get().uri("/api/v1/tariffs").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
    }

    @Test
    void withoutConfiguredOriginsThereIsNoCrossOriginAccess() {
        web.get().uri("/api/v1/tariffs").header("Origin", "https://somewhere.example").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        web.options().uri("/api/v1/tariffs").header("Origin", "https://somewhere.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void publicPrefixesAreReadOnly() {
        web.post().uri("/api/v1/tariffs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void wrongUnknownOrMalformedApiKeyIsUnauthorized() {
        for (String key : new String[] {"devop001.wrong-secret", "nosuchkey.local-dev-secret-op-001", "devop001",
                "devop001.", ".secret", "dev op001.x"}) {
            web.get().uri("/api/v1/operator/test/whoami").headers(TestCallers.apiKey(key)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:citypark:problem:unauthorized")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("API key").doesNotContain("secret-op"));
        }
    }

    @Test
    void operatorKeyIdentifiesItsOperator() {
        web.get().uri("/api/v1/operator/test/whoami").headers(TestCallers.operator1()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("Operator")
                .jsonPath("$.id").isEqualTo(TestCallers.OPERATOR_1.value());
        web.get().uri("/api/v1/operator/test/whoami").headers(TestCallers.operator2()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(TestCallers.OPERATOR_2.value());
    }

    @Test
    void operatorKeyOnDriverOrAdminPathIsForbidden() {
        for (String path : new String[] {"/api/v1/me/test/whoami", "/api/v1/analytics/test/whoami",
                "/api/v1/admin/operators/OP-GAR-01/api-keys", "/api/v1/not-a-known-prefix"}) {
            web.get().uri(path).headers(TestCallers.operator1()).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:citypark:problem:forbidden");
        }
    }

    @Test
    void requireOperatorOwnsLetsTheOwnerPassAndForbidsOthers() {
        web.get().uri("/api/v1/operator/test/owns/{op}", TestCallers.OPERATOR_1.value())
                .headers(TestCallers.operator1()).exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/v1/operator/test/owns/{op}", TestCallers.OPERATOR_1.value())
                .headers(TestCallers.operator2()).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:forbidden");
    }

    @Test
    void moreThanOneCredentialIsRefused() {
        web.get().uri("/api/v1/operator/test/whoami")
                .headers(TestCallers.operator1()).headers(TestCallers.admin()).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/v1/operator/test/whoami")
                .headers(TestCallers.operator1()).headers(TestCallers.bearer("x.y.z")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void adminIssuesListsAndRevokesKeysAndARevokedKeyStopsWorking() {
        assertThat(registry.snapshot().findOperator(GARAGE_OPERATOR)).isPresent();
        String base = "/api/v1/admin/operators/" + GARAGE_OPERATOR.value() + "/api-keys";

        @SuppressWarnings("unchecked")
        Map<String, Object> issued = web.post().uri(base).headers(TestCallers.admin()).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(issued).containsEntry("operatorId", GARAGE_OPERATOR.value()).containsKeys("keyId", "secret", "apiKey");
        String keyId = (String) issued.get("keyId");
        String apiKey = (String) issued.get("apiKey");
        assertThat(apiKey).isEqualTo(keyId + "." + issued.get("secret"));

        web.get().uri("/api/v1/operator/test/whoami").headers(TestCallers.apiKey(apiKey)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(GARAGE_OPERATOR.value());

        String listing = web.get().uri(base).headers(TestCallers.admin()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).contains("\"keyId\":\"" + keyId + "\"").doesNotContain((String) issued.get("secret"))
                .doesNotContain("\"secret\"");

        web.delete().uri(base + "/" + keyId).headers(TestCallers.admin()).exchange().expectStatus().isNoContent();
        web.get().uri("/api/v1/operator/test/whoami").headers(TestCallers.apiKey(apiKey)).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri(base).headers(TestCallers.admin()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.keyId == '" + keyId + "')].active").isEqualTo(false);
        // revoking twice is harmless; a key of another operator, or none, is not found
        web.delete().uri(base + "/" + keyId).headers(TestCallers.admin()).exchange().expectStatus().isNoContent();
        web.delete().uri("/api/v1/admin/operators/OP-GAR-02/api-keys/" + keyId).headers(TestCallers.admin())
                .exchange().expectStatus().isNotFound();
        web.delete().uri(base + "/no-such-key").headers(TestCallers.admin()).exchange().expectStatus().isNotFound();
    }

    @Test
    void keysAreIssuedOnlyForOperatorsOfTheRegistry() {
        web.post().uri("/api/v1/admin/operators/OP-NOBODY/api-keys").headers(TestCallers.admin()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No operator with id 'OP-NOBODY'");
    }

    @Test
    void wrongAdminTokenIsUnauthorized() {
        web.get().uri("/api/v1/admin/operators/OP-GAR-01/api-keys").header("X-Admin-Token", "guess").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void driverSignsInAndIsKnownByAStableIdThatIsNotThePhone() {
        String token = TestCallers.driverToken(web, TestCallers.DRIVER_PHONE);
        @SuppressWarnings("unchecked")
        Map<String, Object> me = web.get().uri("/api/v1/me/test/whoami").headers(TestCallers.bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(me).containsEntry("kind", "Driver");
        String driverId = (String) me.get("id");
        assertThat(driverId).startsWith("drv-").doesNotContain(TestCallers.DRIVER_PHONE);

        String again = TestCallers.driverToken(web, "+86 138-0000-0001");
        web.get().uri("/api/v1/me/test/whoami").headers(TestCallers.bearer(again)).exchange()
                .expectBody().jsonPath("$.id").isEqualTo(driverId);
        web.get().uri("/api/v1/me/test/whoami").headers(TestCallers.driver(web, TestCallers.OTHER_DRIVER_PHONE))
                .exchange()
                .expectBody().jsonPath("$.id").value(other -> assertThat(other).isNotEqualTo(driverId));

        Long accounts = database.sql("SELECT count(*) AS n FROM driver_account WHERE driver_id = :id")
                .bind("id", driverId).map(row -> row.get("n", Long.class)).one().block();
        assertThat(accounts).isEqualTo(1L);
    }

    @Test
    void driverTokenAnswerHasTheOAuthShape() {
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", TestCallers.DRIVER_PHONE, "code", TestCallers.VERIFICATION_CODE))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accessToken").isNotEmpty()
                .jsonPath("$.tokenType").isEqualTo("Bearer")
                .jsonPath("$.expiresIn").isEqualTo(3600);
    }

    @Test
    void driverSignInRefusesWrongCodeAndBadPhone() {
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", TestCallers.DRIVER_PHONE, "code", "000000")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:unauthorized");
        web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "12345", "code", TestCallers.VERIFICATION_CODE)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
    }

    @Test
    void driverTokenIsForbiddenOnOperatorAndAnalyticsPaths() {
        String token = TestCallers.driverToken(web, TestCallers.DRIVER_PHONE);
        web.get().uri("/api/v1/operator/test/whoami").headers(TestCallers.bearer(token)).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/analytics/test/whoami").headers(TestCallers.bearer(token)).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void bureauTokenReadsAnalyticsOnly() {
        String token = TestCallers.bureauToken(web);
        web.get().uri("/api/v1/analytics/test/whoami").headers(TestCallers.bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("Bureau")
                .jsonPath("$.id").isEqualTo(TestCallers.BUREAU_CLIENT_ID);
        web.get().uri("/api/v1/me/test/whoami").headers(TestCallers.bearer(token)).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/operator/test/whoami").headers(TestCallers.bearer(token)).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void adminMayReadAnalytics() {
        web.get().uri("/api/v1/analytics/test/whoami").headers(TestCallers.admin()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("Admin");
    }

    @Test
    void wrongClientSecretIsUnauthorized() {
        web.post().uri("/api/v1/auth/service-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("clientId", TestCallers.BUREAU_CLIENT_ID, "clientSecret", "guess")).exchange()
                .expectStatus().isUnauthorized();
        web.post().uri("/api/v1/auth/service-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("clientId", "nobody", "clientSecret", TestCallers.BUREAU_CLIENT_SECRET)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void invalidBearerTokenIsUnauthorizedWithBearerChallenge() {
        String token = TestCallers.driverToken(web, TestCallers.DRIVER_PHONE);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String bad : new String[] {"not-a-jwt", tampered}) {
            web.get().uri("/api/v1/me/test/whoami").headers(TestCallers.bearer(bad)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueMatches("WWW-Authenticate", "Bearer .*error=\"invalid_token\".*")
                    .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:unauthorized");
        }
    }

    /** Shows the caller a controller sees. */
    @RestController
    @TestConfiguration(proxyBeanMethods = false)
    static class WhoAmI {

        private final CurrentCaller callers;

        WhoAmI(CurrentCaller callers) {
            this.callers = callers;
        }

        @GetMapping({"/api/v1/operator/test/whoami", "/api/v1/me/test/whoami", "/api/v1/analytics/test/whoami"})
        Mono<Map<String, String>> whoami() {
            return callers.current().map(WhoAmI::describe);
        }

        @GetMapping("/api/v1/operator/test/owns/{operatorId}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        Mono<Void> owns(@PathVariable String operatorId) {
            return callers.requireOperatorOwns(OperatorId.of(operatorId));
        }

        static Map<String, String> describe(Caller caller) {
            if (caller instanceof Caller.Operator operator) {
                return Map.of("kind", "Operator", "id", operator.operatorId().value());
            }
            if (caller instanceof Caller.Driver driver) {
                return Map.of("kind", "Driver", "id", driver.driverId().value());
            }
            if (caller instanceof Caller.Bureau bureau) {
                return Map.of("kind", "Bureau", "id", bureau.clientId());
            }
            if (caller instanceof Caller.Admin admin) {
                return Map.of("kind", "Admin", "id", admin.name());
            }
            return Map.of("kind", "Anonymous", "id", "");
        }
    }
}
