package dev.citypark.search.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.Quote;
import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LatLon;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.search.FoundPlace;
import dev.citypark.search.NearestQuery;
import dev.citypark.search.NearestSearch;
import dev.citypark.search.ParkingKind;
import dev.citypark.search.Prediction;
import dev.citypark.search.SearchResult;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public nearest-free-space search (rate limited tightly for anonymous callers by {@code security.ratelimit}). */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    private final NearestSearch search;

    SearchController(NearestSearch search) {
        this.search = search;
    }

    @GetMapping("/nearest")
    @Operation(summary = "Nearest places with a free space of a category",
            description = "lat, lon in crs (wgs84 default, gcj02, bd09); radius metres 1..5000 (default 1000); limit "
                    + "1..50 (default 10); category GENERAL (default), EV_CHARGING, DISABLED, LARGE, NEV; kind "
                    + "ON_STREET or OFF_STREET (default both); stayMinutes prices the stay; arriveAt (ISO instant) "
                    + "ranks by the predicted availability at arrival. Fresh places with free spaces first, nearest "
                    + "first; stale ones after them, marked. Points are answered in the requested crs.")
    Mono<NearestView> nearest(@RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
                              @RequestParam(required = false) String crs,
                              @RequestParam(defaultValue = "1000") String radius,
                              @RequestParam(defaultValue = "10") String limit,
                              @RequestParam(required = false) String category,
                              @RequestParam(required = false) String kind,
                              @RequestParam(required = false) String stayMinutes,
                              @RequestParam(required = false) String arriveAt) {
        return Mono.defer(() -> {
            Crs answerCrs = Crs.parseOrDefault(crs, Crs.WGS84);
            GeoPoint point = answerCrs.toWgs84(number("lat", lat), number("lon", lon));
            NearestQuery query = new NearestQuery(point, integer("radius", radius), integer("limit", limit),
                    kind == null || kind.isBlank() ? Optional.empty() : Optional.of(ParkingKind.parse(kind)),
                    category(category), Optional.empty(), Optional.empty());
            if (stayMinutes != null && !stayMinutes.isBlank()) {
                query = query.withStayMinutes(integer("stayMinutes", stayMinutes));
            }
            if (arriveAt != null && !arriveAt.isBlank()) {
                query = query.withArriveAt(instant(arriveAt));
            }
            NearestQuery asked = query;
            return search.nearest(asked).map(result -> NearestView.of(asked, result, answerCrs));
        });
    }

    private static double number(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, field + " is required");
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " must be a decimal number of degrees");
        }
    }

    private static int integer(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " must be a whole number");
        }
    }

    private static SpaceCategory category(String text) {
        if (text == null || text.isBlank()) {
            return SpaceCategory.GENERAL;
        }
        try {
            return SpaceCategory.valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidValueException("category",
                    "category must be one of GENERAL, EV_CHARGING, DISABLED, LARGE, NEV");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            throw new InvalidValueException("arriveAt", "arriveAt must be an ISO-8601 instant, e.g. "
                    + "2026-05-01T08:30:00Z");
        }
    }

    record NearestView(String crs, LatLon point, int radius, String category, String kind, int candidates,
                       String predictor, List<PlaceView> places) {

        static NearestView of(NearestQuery query, SearchResult result, Crs crs) {
            return new NearestView(crs.code(), crs.fromWgs84(query.point()), query.radiusMetres(),
                    query.category().name(), query.kind().map(Enum::name).orElse(null), result.candidates(),
                    result.predictor().orElse(null),
                    result.places().stream().map(p -> PlaceView.of(p, query.category(), crs)).toList());
        }
    }

    /**
     * One result. {@code status} is for the category asked: UNKNOWN when stale, ALMOST_FULL when at most a tenth of
     * the category's spaces are free, else OPEN (a full place is not a result).
     */
    record PlaceView(String id, String kind, String parkingKind, String name, String segmentId, LatLon point,
                     double distanceMetres, String category, int capacity, int free, String status,
                     Instant updatedAt, boolean stale, PredictionView prediction, PriceView price) {

        static PlaceView of(FoundPlace found, SpaceCategory category, Crs crs) {
            var candidate = found.candidate();
            int capacity = candidate.capacity();
            String status = found.isStale() ? "UNKNOWN" : found.free() * 10 <= capacity ? "ALMOST_FULL" : "OPEN";
            return new PlaceView(candidate.place().id(), candidate.place().kind().name(),
                    candidate.place().kind().parkingKind().name(), candidate.name(),
                    candidate.segment().map(s -> s.value()).orElse(null), crs.fromWgs84(candidate.point()),
                    Math.round(candidate.distanceMetres() * 10) / 10.0, category.name(), capacity, found.free(),
                    status, found.updatedAt(), found.isStale(),
                    found.prediction().map(PredictionView::of).orElse(null),
                    found.price().map(PriceView::of).orElse(null));
        }
    }

    record PredictionView(String predictor, Instant at, double expectedFree, boolean likelyFree) {

        static PredictionView of(Prediction prediction) {
            return new PredictionView(prediction.predictor(), prediction.at(),
                    Math.round(prediction.expectedFree() * 10) / 10.0, prediction.likelyFree());
        }
    }

    record PriceView(String tariffId, String tariffVersion, long totalFen, List<LineView> breakdown) {

        static PriceView of(Quote quote) {
            return new PriceView(quote.tariffId().value(), quote.tariffVersion().toString(), quote.total().fen(),
                    quote.breakdown().stream().map(LineView::of).toList());
        }
    }

    record LineView(String rule, String kind, String description, String descriptionZh, long amountFen) {

        static LineView of(BreakdownLine line) {
            return new LineView(line.rule(), line.kind().name(), line.descriptionEn(), line.descriptionZh(),
                    line.amount().fen());
        }
    }
}
