package dev.citypark.analytics.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.analytics.history.BucketMath;
import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The occupancy of every lot (a Point) and segment (a LineString) as a GeoJSON FeatureCollection (RFC 7946, WGS-84),
 * properties {@code id, kind, occupancyRate, capacity}: live now (one pipelined read), or from the 5-minute bucket
 * holding {@code at}. {@code occupancyRate} is null where nothing fresh was known.
 */
@Component
public class Heatmap {

    private final DatabaseClient db;
    private final Registry registry;
    private final Availability availability;

    public Heatmap(DatabaseClient db, Registry registry, Availability availability) {
        this.db = db;
        this.registry = registry;
        this.availability = availability;
    }

    public Mono<Map<String, Object>> at(Instant at) {
        RegistrySnapshot city = registry.snapshot();
        List<Lot> lots = city.listLots(null, l -> true, null, Integer.MAX_VALUE);
        List<Segment> segments = city.listSegments(null, s -> true, null, Integer.MAX_VALUE);
        Mono<Map<String, Double>> rates = at == null ? live(lots, segments) : history(BucketMath.bucketOf(at));
        return rates.map(r -> {
            List<Map<String, Object>> features = new ArrayList<>(lots.size() + segments.size());
            for (Lot lot : lots) {
                features.add(feature(lot.id().value(), "LOT", lot.capacity().total(),
                        Map.of("type", "Point", "coordinates", List.of(lot.point().lon(), lot.point().lat())),
                        r.get(lot.id().value())));
            }
            for (Segment segment : segments) {
                List<List<Double>> line = new ArrayList<>();
                for (Coordinate c : segment.geometry().getCoordinates()) {
                    line.add(List.of(c.x, c.y));
                }
                features.add(feature(segment.id().value(), "SEGMENT", segment.capacity().total(),
                        Map.of("type", "LineString", "coordinates", line), r.get(segment.id().value())));
            }
            Map<String, Object> collection = new LinkedHashMap<>();
            collection.put("type", "FeatureCollection");
            collection.put("features", features);
            return collection;
        });
    }

    private static Map<String, Object> feature(String id, String kind, int capacity, Map<String, Object> geometry,
            Double rate) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        properties.put("kind", kind);
        properties.put("occupancyRate", rate == null ? null : AnalyticsQueries.round4(rate));
        properties.put("capacity", capacity);
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", id);
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    private Mono<Map<String, Double>> live(List<Lot> lots, List<Segment> segments) {
        List<String> ids = new ArrayList<>(lots.size() + segments.size());
        lots.forEach(l -> ids.add(l.id().value()));
        segments.forEach(s -> ids.add(s.id().value()));
        return availability.forPlaces(ids).map(places -> {
            Map<String, Double> rates = new HashMap<>();
            for (PlaceAvailability p : places.values()) {
                int known = p.free() + p.occupied();
                if (p.status() != AvailabilityStatus.UNKNOWN && p.status() != AvailabilityStatus.CLOSED && known > 0) {
                    rates.put(p.place().id(), (double) p.occupied() / known);
                }
            }
            return rates;
        });
    }

    private Mono<Map<String, Double>> history(Instant bucket) {
        return db.sql("SELECT place_id, sum(occupied_ss) / nullif(sum(known_ss), 0) AS rate "
                        + "FROM analytics_occupancy_5m WHERE bucket_start = :b GROUP BY 1")
                .bind("b", bucket)
                .map(row -> new Object[] {row.get("place_id", String.class), row.get("rate", Double.class)})
                .all()
                .collect(HashMap<String, Double>::new, (m, r) -> {
                    if (r[1] != null) {
                        m.put((String) r[0], (Double) r[1]);
                    }
                });
    }
}
