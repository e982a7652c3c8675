package dev.citypark.analytics.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.citypark.analytics.AnalyticsProperties;
import dev.citypark.analytics.LotForecast;
import dev.citypark.analytics.forecast.LotForecasts;
import dev.citypark.analytics.query.AnalyticsQueries;
import dev.citypark.analytics.query.Csv;
import dev.citypark.analytics.query.Heatmap;
import dev.citypark.analytics.query.OperatorQuality;
import dev.citypark.analytics.query.QueryRange;
import dev.citypark.analytics.query.QueryRange.GroupBy;
import dev.citypark.analytics.query.QueryRange.Interval;
import dev.citypark.analytics.query.Reports;
import dev.citypark.analytics.query.Utilization;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bureau's analytics API, read-only, under {@code /api/v1/analytics} (BUREAU or ADMIN, enforced by the security
 * filter chain). JSON by default; {@code Accept: text/csv} streams the same answer as CSV (RFC 4180, UTF-8, header
 * line, {@code Content-Disposition: attachment}). Bad parameters are 400 problems naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final String CSV = "text/csv";

    private final AnalyticsQueries queries;
    private final OperatorQuality quality;
    private final Heatmap heatmap;
    private final LotForecasts forecasts;
    private final AnalyticsProperties properties;

    AnalyticsController(AnalyticsQueries queries, OperatorQuality quality, Heatmap heatmap, LotForecasts forecasts,
            AnalyticsProperties properties) {
        this.queries = queries;
        this.quality = quality;
        this.heatmap = heatmap;
        this.forecasts = forecasts;
        this.properties = properties;
    }

    // ---- utilization

    @GetMapping(path = "/utilization", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Utilization> utilization(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, @RequestParam(required = false) String keys) {
        return Mono.defer(() -> {
            GroupBy g = groupBy(groupBy, GroupBy.values());
            return queries.utilization(g, series(from, to, interval), keys(keys));
        });
    }

    @GetMapping(path = "/utilization", produces = CSV)
    ResponseEntity<Flux<String>> utilizationCsv(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, @RequestParam(required = false) String keys) {
        GroupBy g = groupBy(groupBy, GroupBy.values());
        QueryRange range = series(from, to, interval);
        Flux<String> lines = Flux.concat(
                Flux.just(Csv.line("key", "name", "capacity", "start", "occupancyRate", "meanOccupied",
                        "maxOccupied", "staleShare")),
                queries.utilizationRows(g, range, keys(keys)).map(row -> queries.csvLine(g, row)));
        return csv("utilization-" + g.text() + "-" + range.interval().text, lines);
    }

    // ---- turnover, dwell, peaks

    @GetMapping(path = "/turnover", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Reports.Turnover> turnover(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> queries.turnover(groupBy(groupBy, PLACE_GROUPS),
                window(from, to)));
    }

    @GetMapping(path = "/turnover", produces = CSV)
    ResponseEntity<Flux<String>> turnoverCsv(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        GroupBy g = groupBy(groupBy, PLACE_GROUPS);
        Flux<String> lines = queries.turnover(g, window(from, to)).flatMapMany(t -> Flux.concat(
                Flux.just(Csv.line("key", "name", "capacity", "sessions", "days", "turnover")),
                Flux.fromIterable(t.rows()).map(r -> Csv.line(r.key(), r.name(), r.capacity(), r.sessions(),
                        t.days(), r.turnover()))));
        return csv("turnover-" + g.text(), lines);
    }

    @GetMapping(path = "/dwell", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Reports.Dwell> dwell(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> queries.dwell(groupBy(groupBy, PLACE_GROUPS),
                window(from, to)));
    }

    @GetMapping(path = "/dwell", produces = CSV)
    ResponseEntity<Flux<String>> dwellCsv(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        GroupBy g = groupBy(groupBy, PLACE_GROUPS);
        Flux<String> lines = queries.dwell(g, window(from, to)).flatMapMany(d -> Flux.concat(
                Flux.just(Csv.line("key", "name", "sessions", "meanMinutes", "medianMinutes", "p90Minutes")),
                Flux.fromIterable(d.rows()).map(r -> Csv.line(r.key(), r.name(), r.sessions(), r.meanMinutes(),
                        r.medianMinutes(), r.p90Minutes()))));
        return csv("dwell-" + g.text(), lines);
    }

    @GetMapping(path = "/peaks", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Reports.Peaks> peaks(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> queries.peaks(groupBy(groupBy, PLACE_GROUPS),
                window(from, to)));
    }

    @GetMapping(path = "/peaks", produces = CSV)
    ResponseEntity<Flux<String>> peaksCsv(@RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        GroupBy g = groupBy(groupBy, PLACE_GROUPS);
        Flux<String> lines = queries.peaks(g, window(from, to)).flatMapMany(p -> Flux.concat(
                Flux.just(Csv.line("key", "name", "weekday", "day", "hour", "occupancyRate")),
                Flux.fromIterable(p.rows()).flatMapIterable(r -> r.weekdays().stream()
                        .map(w -> Csv.line(r.key(), r.name(), w.weekday(), w.day(), w.hour(), w.occupancyRate()))
                        .toList())));
        return csv("peaks-" + g.text(), lines);
    }

    // ---- heatmap

    @GetMapping(path = "/heatmap", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    Mono<Map<String, Object>> heatmap(@RequestParam(required = false) String at) {
        return Mono.defer(() -> heatmap.at(at == null ? null : QueryRange.instant("at", at)));
    }

    @GetMapping(path = "/heatmap", produces = CSV)
    ResponseEntity<Flux<String>> heatmapCsv(@RequestParam(required = false) String at) {
        Instant when = at == null ? null : QueryRange.instant("at", at);
        @SuppressWarnings("unchecked")
        Flux<String> lines = heatmap.at(when).flatMapMany(fc -> Flux.concat(
                Flux.just(Csv.line("id", "kind", "occupancyRate", "capacity")),
                Flux.fromIterable((List<Map<String, Object>>) fc.get("features")).map(f -> {
                    Map<String, Object> p = (Map<String, Object>) f.get("properties");
                    return Csv.line(p.get("id"), p.get("kind"), p.get("occupancyRate"), p.get("capacity"));
                })));
        return csv("heatmap", lines);
    }

    // ---- operator data quality

    @GetMapping(path = "/operators/quality", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<OperatorQuality.Report> quality() {
        return Mono.defer(() -> quality.report(Instant.now()));
    }

    @GetMapping(path = "/operators/quality", produces = CSV)
    ResponseEntity<Flux<String>> qualityCsv() {
        Flux<String> lines = Mono.defer(() -> quality.report(Instant.now())).flatMapMany(r -> Flux.concat(
                Flux.just(Csv.line("operatorId", "name", "places", "freshShare", "rejected", "clamped",
                        "stuckSensors", "counterDrift", "gaps", "score")),
                Flux.fromIterable(r.operators()).map(o -> Csv.line(o.operatorId(), o.name(), o.places(),
                        o.freshShare(), o.rejected(), o.clamped(), o.stuckSensors(), o.counterDrift(), o.gaps(),
                        o.score()))));
        return csv("operator-quality", lines);
    }

    // ---- forecasts

    @GetMapping(path = "/forecast/lots/{lotId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<LotForecast> forecast(@PathVariable String lotId) {
        return Mono.defer(() -> {
            LotId id;
            try {
                id = LotId.of(lotId);
            }
            catch (IllegalArgumentException e) {
                throw new NotFoundException("lot", lotId);
            }
            return forecasts.forecast(id).switchIfEmpty(Mono.error(() -> new NotFoundException("forecast", lotId)));
        });
    }

    @GetMapping(path = "/forecast/accuracy", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Reports.Accuracy> accuracy(@RequestParam(defaultValue = "7") int days) {
        return Mono.defer(() -> forecasts.accuracy(Instant.now(), checkDays(days)));
    }

    @GetMapping(path = "/forecast/accuracy", produces = CSV)
    ResponseEntity<Flux<String>> accuracyCsv(@RequestParam(defaultValue = "7") int days) {
        int d = checkDays(days);
        Flux<String> lines = Mono.defer(() -> forecasts.accuracy(Instant.now(), d)).flatMapMany(a -> Flux.concat(
                Flux.just(Csv.line("lotId", "predictions", "maeRate", "maeSpaces")),
                Flux.fromIterable(a.lots()).map(r -> Csv.line(r.lotId(), r.predictions(), r.maeRate(),
                        r.maeSpaces()))));
        return csv("forecast-accuracy", lines);
    }

    // ---- parameters

    private static int checkDays(int days) {
        if (days < 1 || days > 400) {
            throw new InvalidValueException("days", "days must be between 1 and 400");
        }
        return days;
    }

    /** The groupings of the session reports (turnover, dwell, peaks): places and districts, not categories. */
    private static final GroupBy[] PLACE_GROUPS = {GroupBy.LOT, GroupBy.SEGMENT, GroupBy.DISTRICT};

    private static GroupBy groupBy(String text, GroupBy... allowed) {
        if (text == null) {
            throw new InvalidValueException("groupBy", "groupBy is required");
        }
        return GroupBy.parse(text, allowed);
    }

    private QueryRange series(String from, String to, String interval) {
        if (interval == null) {
            throw new InvalidValueException("interval", "interval is required (5m, 1h or 1d)");
        }
        Interval i = Interval.parse(interval);
        return QueryRange.of(required("from", from), required("to", to), i, properties.maxRange(),
                properties.maxPoints());
    }

    private QueryRange window(String from, String to) {
        return QueryRange.of(required("from", from), required("to", to), null, properties.maxRange(),
                properties.maxPoints());
    }

    private static Instant required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, field + " is required (an ISO-8601 instant)");
        }
        return QueryRange.instant(field, text);
    }

    private static List<String> keys(String keys) {
        return keys == null || keys.isBlank() ? List.of() : Arrays.stream(keys.split(",")).map(String::trim)
                .filter(k -> !k.isEmpty()).toList();
    }

    private static ResponseEntity<Flux<String>> csv(String name, Flux<String> lines) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(lines);
    }

}
