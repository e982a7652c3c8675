package dev.citypark.core.web;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.NotFoundException;
import dev.citypark.security.TestCallers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error, from the framework or from citypark's code, is an RFC 9457 problem with a stable type, a detail, and
 * for validation the offending fields; no stack trace or exception name ever reaches the client. The probe controller
 * lives under the admin prefix (everything outside the known prefixes is denied), so every probe sends the admin token.
 */
@CityparkIntegrationTest
@Import(ProblemResponsesIntegrationTest.ProbeController.class)
class ProblemResponsesIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void unknownPathIsNotFoundProblem() {
        web.get().uri("/api/v1/admin/nothing-here").headers(TestCallers.admin()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("No resource at this path")
                .jsonPath("$.instance").isEqualTo("/api/v1/admin/nothing-here")
                .jsonPath("$.requestId").exists();
    }

    @Test
    void unknownIdIsNotFoundProblemNamingTheKind() {
        web.get().uri("/api/v1/admin/test/probe/things/T-404").headers(TestCallers.admin()).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found")
                .jsonPath("$.detail").isEqualTo("No thing with id 'T-404'");
    }

    @Test
    void malformedJsonIsMalformedRequestProblem() {
        web.post().uri("/api/v1/admin/test/probe").headers(TestCallers.admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"x\", ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:malformed-request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("The request body is not valid JSON"));
    }

    @Test
    void valueObjectRefusalNamesTheFieldPath() {
        web.post().uri("/api/v1/admin/test/probe").headers(TestCallers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"count\":1,\"point\":{\"lat\":91.0,\"lon\":120.0}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("point")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("latitude"));
    }

    @Test
    void beanValidationListsEveryInvalidField() {
        web.post().uri("/api/v1/admin/test/probe").headers(TestCallers.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\" \",\"count\":5000,\"point\":{\"lat\":36.0,\"lon\":120.0}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'count')]").exists();
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaTypeProblem() {
        web.post().uri("/api/v1/admin/test/probe").headers(TestCallers.admin())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=x")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:unsupported-media-type");
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblemWithAllowHeader() {
        web.delete().uri("/api/v1/admin/test/probe").headers(TestCallers.admin()).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueMatches("Allow", ".*POST.*")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:method-not-allowed");
    }

    @Test
    void missingAndMistypedParametersNameTheParameter() {
        web.get().uri("/api/v1/admin/test/probe/params").headers(TestCallers.admin()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("radius");
        web.get().uri("/api/v1/admin/test/probe/params?radius=far").headers(TestCallers.admin()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:malformed-request");
    }

    @Test
    void unexpectedErrorIsInternalProblemWithoutStackTrace() {
        web.get().uri("/api/v1/admin/test/probe/boom").headers(TestCallers.admin()).exchange()
                .expectStatus().isEqualTo(500)
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("urn:citypark:problem:internal")
                        .doesNotContain("IllegalStateException")
                        .doesNotContain("secret internals")
                        .doesNotContain("at dev.citypark"));
    }

    record Probe(@NotBlank String name, @Min(0) @Max(1000) int count, GeoPoint point) {
    }

    @RestController
    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeController {

        @PostMapping(path = "/api/v1/admin/test/probe", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<Probe> accept(@Valid @RequestBody Probe probe) {
            return Mono.just(probe);
        }

        @GetMapping("/api/v1/admin/test/probe/things/{id}")
        Mono<String> thing(@PathVariable String id) {
            return Mono.error(new NotFoundException("thing", id));
        }

        @GetMapping("/api/v1/admin/test/probe/params")
        Mono<Integer> params(@RequestParam int radius) {
            return Mono.just(radius);
        }

        @GetMapping("/api/v1/admin/test/probe/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("secret internals"));
        }
    }
}
