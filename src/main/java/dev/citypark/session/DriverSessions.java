package dev.citypark.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.citypark.core.DriverId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.Plate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What drivers read: their sessions and bills, "what do I pay if I leave at T", and where their car is
 * (implements the public {@link ParkedVehicles}). A driver sees the sessions of the plates bound to them that were
 * still running at or ended after the binding, and every unpaid bill of those plates.
 */
@Service
public class DriverSessions implements ParkedVehicles {

    /** Longest list a driver gets. */
    public static final int MAX_LIST = 100;

    private final SessionStore sessions;
    private final BillStore bills;
    private final BindingStore bindings;
    private final SessionPricing pricing;
    private final Clock clock = Clock.systemUTC();

    DriverSessions(SessionStore sessions, BillStore bills, BindingStore bindings, SessionPricing pricing) {
        this.sessions = sessions;
        this.bills = bills;
        this.bindings = bindings;
        this.pricing = pricing;
    }

    public Flux<Session> listSessions(DriverId driver, int limit) {
        return sessions.listForDriver(driver, Math.min(Math.max(limit, 1), MAX_LIST));
    }

    public Flux<Bill> listBills(DriverId driver, Optional<BillStatus> status, int limit) {
        return bills.listForDriver(driver, status, Math.min(Math.max(limit, 1), MAX_LIST));
    }

    /** The bill of a session, if it has one. */
    public Mono<Bill> findBill(SessionId session) {
        return bills.findBySession(session);
    }

    /**
     * The fee if the driver's car leaves at {@code leaveAt} (default now); for an ended session, its fee.
     *
     * @throws NotFoundException     not a session of a plate bound to this driver (others' sessions look absent)
     * @throws InvalidValueException (field {@code leaveAt}) before the entry
     */
    public Mono<SessionQuote> quote(DriverId driver, SessionId id, Optional<Instant> leaveAt) {
        return sessions.find(id)
                .filterWhen(session -> visible(driver, session))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("session", id.toString())))
                .map(session -> {
                    if (session instanceof Session.Active active) {
                        Instant at = leaveAt.orElseGet(clock::instant);
                        if (at.isBefore(active.stay().entryAt())) {
                            throw new InvalidValueException("leaveAt", "leaveAt " + at
                                    + " is before the entry at " + active.stay().entryAt());
                        }
                        return new SessionQuote(session, at, pricing.fee(active.stay(), at));
                    }
                    GateDecision ended = GateDecision.ofEnded(session, Optional.empty(), Optional.empty());
                    Instant exitAt = exitOf(session);
                    return new SessionQuote(session, exitAt, ended.fee().orElseThrow());
                });
    }

    @Override
    public Mono<ParkedVehicle> whereIs(Plate plate) {
        return sessions.listActive(plate).next().map(ParkedVehicle::of);
    }

    private Mono<Boolean> visible(DriverId driver, Session session) {
        Optional<Instant> exit = session instanceof Session.Active ? Optional.empty() : Optional.of(exitOf(session));
        return bindings.find(session.stay().vehicle().plate())
                .map(binding -> binding.driver().equals(driver)
                        && exit.map(at -> !at.isBefore(binding.verifiedAt())).orElse(true))
                .defaultIfEmpty(false);
    }

    private static Instant exitOf(Session session) {
        if (session instanceof Session.Closed s) {
            return s.exit().at();
        }
        if (session instanceof Session.Unpaid s) {
            return s.exit().at();
        }
        if (session instanceof Session.Settled s) {
            return s.exit().at();
        }
        if (session instanceof Session.WrittenOff s) {
            return s.exit().at();
        }
        throw new IllegalArgumentException("an active session has no exit");
    }

    /** A fee for a session left at {@code at}. */
    public record SessionQuote(Session session, Instant at, Fee fee) {
    }
}
