package dev.citypark.findmycar;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.NotFoundException;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;

/**
 * Walking routes inside the city's garages (反向寻车): from a QR anchor or a position on a floor to a bay.
 * <p>
 * The routing structures of a garage (walk graph, A* heuristic, per-floor node index) are built on its first route
 * and cached; the cache entry is rebuilt when the registry's snapshot carries a different indoor model for the lot.
 * Thread-safe: cached structures are immutable and every search has its own state. A route is CPU work of well under
 * a millisecond on the committed garages, so reactive callers may call it on an event-loop thread.
 */
public final class IndoorRoutes {

    private final Supplier<RegistrySnapshot> registry;
    private final ConcurrentMap<LotId, GarageRouter> routers = new ConcurrentHashMap<>();

    /** @param registry the current registry snapshot (e.g. {@code registry::snapshot}) */
    public IndoorRoutes(Supplier<RegistrySnapshot> registry) {
        this.registry = registry;
    }

    /** The shortest route using elevators or stairs. */
    public Route route(LotId lotId, RouteStart from, BayId to) {
        return route(lotId, from, to, Access.ANY);
    }

    /**
     * The shortest walking route in garage {@code lotId} from {@code from} to bay {@code to}.
     *
     * @throws NotFoundException     (404) when the lot does not exist or has no indoor model
     * @throws InvalidValueException (400) field {@code from}: unknown QR anchor in this lot, unknown floor, position
     *                               not inside the garage; field {@code to}: the bay is not in this lot
     * @throws NoRouteException      when no route exists under {@code access}
     */
    public Route route(LotId lotId, RouteStart from, BayId to, Access access) {
        return routerFor(lotId).route(from, to, access);
    }

    GarageRouter routerFor(LotId lotId) {
        Lot lot = registry.get().findLot(lotId).orElseThrow(() -> new NotFoundException("lot", lotId.value()));
        IndoorModel model = lot.findIndoorModel()
                .orElseThrow(() -> new NotFoundException("indoor model for lot", lotId.value()));
        GarageRouter cached = routers.get(lotId);
        if (cached != null && cached.model() == model) {
            return cached;
        }
        return routers.compute(lotId, (id, current) ->
                current != null && current.model() == model ? current : GarageRouter.of(id, model));
    }
}
