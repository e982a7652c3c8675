package dev.citypark.billing.web;

import dev.citypark.CityparkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The public quote endpoint prices a stay with the city's tariffs and explains the fee line by line. */
@CityparkIntegrationTest
class TariffQuoteIntegrationTest {

    @Autowired
    WebTestClient web;

    @Test
    void quotesDaytimeStayWithBreakdown() {
        // 09:00-11:00 Asia/Shanghai in the core tariff: first hour ¥5, second hour ¥3
        web.get().uri("/api/v1/tariffs/QD-T1-CORE/quote?from=2025-03-03T01:00:00Z&to=2025-03-03T03:00:00Z")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.tariffId").isEqualTo("QD-T1-CORE")
                .jsonPath("$.tariffVersion").isEqualTo("2024-07-01")
                .jsonPath("$.totalFen").isEqualTo(800)
                .jsonPath("$.total").isEqualTo("¥8.00")
                .jsonPath("$.breakdown[0].amountFen").exists();
    }

    @Test
    void shortStayInsideFreeMinutesIsFree() {
        web.get().uri("/api/v1/tariffs/QD-T1-CORE/quote?from=2025-03-03T01:00:00Z&to=2025-03-03T01:20:00Z")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalFen").isEqualTo(0);
    }

    @Test
    void listsTariffs() {
        web.get().uri("/api/v1/tariffs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(7)
                .jsonPath("$[?(@.id == 'QD-AIRPORT')]").exists();
    }

    @Test
    void unknownTariffIsNotFound() {
        web.get().uri("/api/v1/tariffs/QD-NOPE/quote?from=2025-03-03T01:00:00Z&to=2025-03-03T03:00:00Z")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found")
                .jsonPath("$.detail").isEqualTo("No tariff with id 'QD-NOPE'");
    }

    @Test
    void rejectsExitBeforeEntryUnknownVehicleAndMissingTimes() {
        web.get().uri("/api/v1/tariffs/QD-T1-CORE/quote?from=2025-03-03T03:00:00Z&to=2025-03-03T01:00:00Z")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:validation");
        web.get().uri("/api/v1/tariffs/QD-T1-CORE/quote?from=2025-03-03T01:00:00Z&to=2025-03-03T03:00:00Z&vehicle=BUS")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("vehicle");
        web.get().uri("/api/v1/tariffs/QD-T1-CORE/quote?to=2025-03-03T03:00:00Z")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }
}
