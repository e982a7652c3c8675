package dev.citypark.occupancy.web;

import java.util.List;
import java.util.Map;

import dev.citypark.occupancy.IngestCounters;
import dev.citypark.occupancy.IngestReceipt;
import dev.citypark.occupancy.OccupancyIngest;
import dev.citypark.security.Caller;
import dev.citypark.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Operators push occupancy (X-Api-Key); scoped to the caller's own lots and segments. */
@RestController
@RequestMapping("/api/v1/operator/occupancy")
class OccupancyIngestController {

    private final CurrentCaller caller;
    private final OccupancyIngest ingest;
    private final IngestCounters counters;

    OccupancyIngestController(CurrentCaller caller, OccupancyIngest ingest, IngestCounters counters) {
        this.caller = caller;
        this.ingest = ingest;
        this.counters = counters;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report occupancy: a batch of up to 1000 BayStatus/LotCount/LotFlow events "
            + "(schema citypark.occupancy/1), all or nothing; 202 once the event log acknowledged them")
    Mono<IngestReceipt> ingest(@RequestBody Mono<IngestBatch> body) {
        return caller.currentOperator().then(caller.current()).cast(Caller.Operator.class)
                .flatMap(operator -> body.flatMap(batch -> ingest.submit(operator, batch.events())));
    }

    @GetMapping("/counters")
    @Operation(summary = "The caller's ingest counters: accepted, rejected per reason, applied, clamped, ignored")
    Mono<Map<String, Long>> counters() {
        return caller.currentOperator().flatMap(counters::forOperator);
    }

    /**
     * The request body.
     *
     * @param events the events, each a JSON object with a {@code type} (see the README for the schema)
     */
    record IngestBatch(List<JsonNode> events) {
    }
}
