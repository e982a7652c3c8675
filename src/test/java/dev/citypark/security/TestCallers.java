package dev.citypark.security;

import java.util.Map;
import java.util.function.Consumer;

import dev.citypark.core.OperatorId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Credentials of the local-development callers (embedded and test profiles), for integration tests:
 * {@code web.get().uri(...).headers(TestCallers.operator1())}, {@code .headers(TestCallers.admin())},
 * {@code .headers(TestCallers.driver(web, "13800000001"))}, {@code .headers(TestCallers.bureau(web))}.
 * Kafka records of a dev gateway: {@code recordSignatures.sign(record.headers(), TestCallers.OPERATOR_1_KEY_ID, bytes)}
 * with the {@link RecordSignatures} bean.
 */
public final class TestCallers {

    /** The operator of {@link #OPERATOR_1_API_KEY} (seeded from application-test.yml). */
    public static final OperatorId OPERATOR_1 = OperatorId.of("OP-GAR-01");
    public static final OperatorId OPERATOR_2 = OperatorId.of("OP-GAR-02");
    /** An on-street concession (segments and their bays), for on-street tests. */
    public static final OperatorId OPERATOR_3 = OperatorId.of("OP-ONST-370202");
    /** Key ids of the dev keys; also what a dev gateway puts in the Kafka header {@code citypark-key-id}. */
    public static final String OPERATOR_1_KEY_ID = "devop001";
    public static final String OPERATOR_2_KEY_ID = "devop002";
    public static final String OPERATOR_3_KEY_ID = "devop003";
    public static final String OPERATOR_1_API_KEY = "devop001.local-dev-secret-op-001";
    public static final String OPERATOR_2_API_KEY = "devop002.local-dev-secret-op-002";
    public static final String OPERATOR_3_API_KEY = "devop003.local-dev-secret-op-003";
    public static final String ADMIN_TOKEN = "local-dev-admin-token";
    public static final String DRIVER_PHONE = "13800000001";
    public static final String OTHER_DRIVER_PHONE = "13800000002";
    public static final String VERIFICATION_CODE = "123456";
    public static final String BUREAU_CLIENT_ID = "bureau-dev";
    public static final String BUREAU_CLIENT_SECRET = "local-dev-bureau-secret";

    private TestCallers() {
    }

    /** Headers of a request by operator OP-GAR-01 (its dev API key). */
    public static Consumer<HttpHeaders> operator1() {
        return apiKey(OPERATOR_1_API_KEY);
    }

    /** Headers of a request by operator OP-GAR-02 (its dev API key). */
    public static Consumer<HttpHeaders> operator2() {
        return apiKey(OPERATOR_2_API_KEY);
    }

    /** Headers of a request by operator OP-ONST-370202, an on-street concession (its dev API key). */
    public static Consumer<HttpHeaders> operator3() {
        return apiKey(OPERATOR_3_API_KEY);
    }

    /** Headers carrying {@code X-Api-Key: <keyIdAndSecret>}. */
    public static Consumer<HttpHeaders> apiKey(String keyIdAndSecret) {
        return headers -> headers.set("X-Api-Key", keyIdAndSecret);
    }

    /** Headers of an administrator's request. */
    public static Consumer<HttpHeaders> admin() {
        return headers -> headers.set("X-Admin-Token", ADMIN_TOKEN);
    }

    /** Headers carrying {@code Authorization: Bearer <token>}. */
    public static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    /** Headers of a request by the driver who signs in with {@code phone} (a mainland mobile number). */
    public static Consumer<HttpHeaders> driver(WebTestClient web, String phone) {
        return bearer(driverToken(web, phone));
    }

    /** Headers of a request by the dev bureau client. */
    public static Consumer<HttpHeaders> bureau(WebTestClient web) {
        return bearer(bureauToken(web));
    }

    /** Signs the driver in with the dev verification code and returns the access token. */
    public static String driverToken(WebTestClient web, String phone) {
        return token(web, "/api/v1/auth/driver-token", Map.of("phone", phone, "code", VERIFICATION_CODE));
    }

    /** A service token of the dev bureau client. */
    public static String bureauToken(WebTestClient web) {
        return token(web, "/api/v1/auth/service-token",
                Map.of("clientId", BUREAU_CLIENT_ID, "clientSecret", BUREAU_CLIENT_SECRET));
    }

    @SuppressWarnings("unchecked")
    private static String token(WebTestClient web, String path, Map<String, String> body) {
        Map<String, Object> answer = web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class)
                .returnResult().getResponseBody();
        if (answer == null || !(answer.get("accessToken") instanceof String token)) {
            throw new IllegalStateException("No accessToken from " + path + ": " + answer);
        }
        return token;
    }
}
