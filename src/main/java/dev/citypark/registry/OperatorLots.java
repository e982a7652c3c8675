package dev.citypark.registry;

import java.time.Clock;
import java.util.Optional;

import dev.citypark.billing.TariffId;
import dev.citypark.billing.Tariffs;
import dev.citypark.core.ConflictException;
import dev.citypark.core.ForbiddenException;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.Outbox;
import dev.citypark.core.OutboxMessage;
import dev.citypark.registry.geodata.GeoJsonCodec;
import dev.citypark.registry.persistence.LotStore;
import dev.citypark.registry.persistence.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an operator creates or updates its own off-street lot (the write side of the registry; {@link Registry} is the
 * read side).
 * <p>
 * {@link #putLot} validates the GeoJSON Feature completely before anything is written — the codec and {@link Lot}
 * check the lot on its own, {@link LotRules} check it against the city — then writes the lot row, its bay rows and a
 * {@link LotChanged} outbox message in one R2DBC transaction, with optimistic locking in SQL
 * ({@code UPDATE ... WHERE id = ? AND version = ?}). After the commit this instance's snapshot is replaced
 * copy-on-write; other instances reload the lot when the {@link LotChanged} event reaches them.
 * <p>
 * Versions: a new lot carries {@code version} 0 or none and is stored as version 1; an update carries the current
 * version (in {@code properties.version} or as {@code If-Match}) and is stored as the next one.
 */
@Component
public class OperatorLots {

    private static final Logger log = LoggerFactory.getLogger(OperatorLots.class);

    private final Registry registry;
    private final LotStore lots;
    private final RegistryStore store;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final LotRules rules;
    private final Clock clock;

    OperatorLots(Registry registry, LotStore lots, RegistryStore store, Outbox outbox,
            TransactionalOperator transactions, Tariffs tariffs) {
        this.registry = registry;
        this.lots = lots;
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.rules = new LotRules(id -> tariffs.findTariff(TariffId.of(id)).isPresent());
        this.clock = Clock.systemUTC();
    }

    /**
     * Creates or updates lot {@code id} from a GeoJSON Feature in WGS-84 on behalf of operator {@code caller}.
     *
     * @return the stored lot; errors: {@link InvalidValueException} (400, nothing written), {@link ForbiddenException}
     * (403: the lot or the feature belongs to another operator), {@link ConflictException} (409: stale or missing
     * version), {@link PreconditionFailedException} (412: {@code If-Match}/{@code If-None-Match} does not hold)
     */
    public Mono<LotWrite> putLot(OperatorId caller, LotId id, JsonNode feature, LotPrecondition precondition) {
        return Mono.fromCallable(() -> validate(caller, id, feature))
                .flatMap(candidate -> transactions.transactional(write(caller, candidate, precondition)))
                .map(written -> {
                    apply(written.lot());
                    log.info("Operator {} {} lot {} (version {})", caller, written.created() ? "created" : "updated",
                            written.lot().id(), written.lot().version());
                    return written;
                });
    }

    /**
     * Reloads one lot from the database into this instance's snapshot unless the snapshot already has that
     * version or a newer one (another instance changed it: see {@link LotChanged}). A lot the database no longer
     * has leaves the snapshot.
     *
     * @return whether the snapshot changed
     */
    public Mono<Boolean> reloadLot(LotId id, long version) {
        Optional<Lot> current = registry.snapshot().findLot(id);
        if (current.isPresent() && current.get().version() >= version) {
            return Mono.just(false);
        }
        return store.loadLot(id)
                .map(this::apply)
                .switchIfEmpty(Mono.fromSupplier(() -> remove(id)));
    }

    /** A lot ready to be written, and whether its feature carried a version. */
    private record Candidate(Lot lot, boolean versionGiven) {
    }

    private Candidate validate(OperatorId caller, LotId id, JsonNode feature) {
        RegistrySnapshot city = registry.snapshot();
        city.findLot(id).ifPresent(existing -> requireOwner(caller, existing.operator(), id));
        if (!(feature instanceof ObjectNode object)) {
            throw new InvalidValueException("type", "a GeoJSON Feature object is required");
        }
        ObjectNode copy = object.deepCopy();
        boolean versionGiven = true;
        if (copy.get("properties") instanceof ObjectNode properties) {
            if (!copy.has("id") && !properties.has("id")) {
                properties.put("id", id.value());
            }
            if (!properties.has("version") || properties.get("version").isNull()) {
                properties.put("version", 0);
                versionGiven = false;
            }
        }
        Lot lot = GeoJsonCodec.lotFromFeature(copy);
        if (!lot.id().equals(id)) {
            throw new InvalidValueException("id", "the feature's id " + lot.id() + " differs from the path's " + id);
        }
        if (!lot.operator().equals(caller)) {
            throw new ForbiddenException("operator " + caller + " may only register lots of its own, not of "
                    + lot.operator());
        }
        rules.check(lot, city);
        return new Candidate(lot, versionGiven);
    }

    private static void requireOwner(OperatorId caller, OperatorId owner, LotId id) {
        if (!owner.equals(caller)) {
            throw new ForbiddenException("lot " + id + " belongs to another operator");
        }
    }

    private Mono<LotWrite> write(OperatorId caller, Candidate candidate, LotPrecondition precondition) {
        Lot lot = candidate.lot();
        return lots.findStored(lot.id())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(stored -> stored.isPresent()
                        ? update(caller, candidate, stored.get(), precondition)
                        : create(candidate, precondition));
    }

    private Mono<LotWrite> create(Candidate candidate, LotPrecondition precondition) {
        Lot lot = candidate.lot();
        if (precondition.requiresExisting()) {
            return Mono.error(new PreconditionFailedException("lot " + lot.id() + " does not exist"));
        }
        if (lot.version() != 0) {
            return Mono.error(new ConflictException("lot " + lot.id() + " does not exist; a new lot carries "
                    + "version 0 or none, not " + lot.version()));
        }
        Lot stored = lot.withVersion(1);
        return checkBays(stored)
                .then(lots.insert(stored))
                .flatMap(inserted -> inserted ? finish(stored, true)
                        : Mono.error(new ConflictException("lot " + lot.id() + " was created concurrently")));
    }

    private Mono<LotWrite> update(OperatorId caller, Candidate candidate, LotStore.StoredLot current,
            LotPrecondition precondition) {
        Lot lot = candidate.lot();
        requireOwner(caller, current.operator(), lot.id());
        if (precondition.ifNoneMatchAny()) {
            return Mono.error(new PreconditionFailedException("lot " + lot.id() + " exists (version "
                    + current.version() + ")"));
        }
        if (precondition.ifMatchVersion() != null && precondition.ifMatchVersion() != current.version()) {
            return Mono.error(new PreconditionFailedException("lot " + lot.id() + " is at version "
                    + current.version() + ", not " + precondition.ifMatchVersion()));
        }
        if (candidate.versionGiven() && lot.version() != current.version()) {
            return Mono.error(new ConflictException("lot " + lot.id() + " is at version " + current.version()
                    + " but the feature carries version " + lot.version() + "; fetch it again and reapply"));
        }
        if (!candidate.versionGiven() && !precondition.requiresExisting()) {
            return Mono.error(new ConflictException("lot " + lot.id() + " exists (version " + current.version()
                    + "); an update must carry the current version in properties.version or If-Match"));
        }
        Lot stored = lot.withVersion(current.version() + 1);
        return checkBays(stored)
                .then(lots.update(stored, current.version()))
                .flatMap(updated -> updated ? finish(stored, false)
                        : Mono.error(new ConflictException("lot " + lot.id() + " was changed concurrently; fetch it "
                                + "again and reapply")));
    }

    private Mono<Void> checkBays(Lot lot) {
        return lots.findBayTakenElsewhere(lot).flatMap(taken -> {
            if (taken.isEmpty()) {
                return Mono.empty();
            }
            int index = indexOfBay(lot, taken.get().bayId());
            return Mono.error(new InvalidValueException("properties.indoor.bays[" + index + "].id", "bay id "
                    + taken.get().bayId() + " is already used by " + taken.get().owner()));
        });
    }

    private static int indexOfBay(Lot lot, String bayId) {
        var bays = lot.indoorModel().bays();
        for (int i = 0; i < bays.size(); i++) {
            if (bays.get(i).id().value().equals(bayId)) {
                return i;
            }
        }
        return -1;
    }

    private Mono<LotWrite> finish(Lot stored, boolean created) {
        LotChanged event = LotChanged.of(stored, clock.instant());
        return lots.replaceBays(stored)
                .flatMap(complete -> complete ? Mono.empty()
                        : Mono.error(new ConflictException("a bay id of lot " + stored.id()
                                + " was taken concurrently by another place")))
                .then(outbox.append(new OutboxMessage(LotChanged.TOPIC, stored.id().value(), LotChanged.TYPE,
                        event.toJson())))
                .thenReturn(new LotWrite(stored, created));
    }

    /** Takes a lot the database no longer has out of the snapshot. */
    private boolean remove(LotId id) {
        boolean[] changed = {false};
        registry.update(snapshot -> {
            RegistrySnapshot next = snapshot.withoutLot(id);
            changed[0] = next != snapshot;
            return next;
        });
        return changed[0];
    }

    /** Swaps the lot into the snapshot unless the snapshot already has a newer version of it. */
    private boolean apply(Lot lot) {
        boolean[] changed = {false};
        registry.update(snapshot -> {
            Optional<Lot> current = snapshot.findLot(lot.id());
            if (current.isPresent() && current.get().version() >= lot.version()) {
                return snapshot;
            }
            changed[0] = true;
            return snapshot.withLot(lot);
        });
        return changed[0];
    }
}
