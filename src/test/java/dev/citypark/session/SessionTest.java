package dev.citypark.session;

import java.util.Optional;

import dev.citypark.core.ConflictException;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;

import static dev.citypark.session.Sessions.active;
import static dev.citypark.session.Sessions.at;
import static dev.citypark.session.Sessions.closed;
import static dev.citypark.session.Sessions.exit;
import static dev.citypark.session.Sessions.feeFor;
import static dev.citypark.session.Sessions.stay;
import static dev.citypark.session.Sessions.unpaid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every transition of the session lifecycle, and the ones it refuses. */
class SessionTest {

    @Test
    void opensActiveSessionAnnouncingTheEntry() {
        Stay stay = stay("2025-03-03T09:00");

        Transition<Session.Active> opened = Session.open(stay);

        assertThat(opened.state().status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(opened.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEventType.SessionOpened);
            assertThat(event.occurredAt()).isEqualTo(stay.entryAt());
            assertThat(event.gate()).isEqualTo(stay.entryGate());
            assertThat(event.exitAt()).isEmpty();
            assertThat(event.fee()).isEmpty();
            assertThat(event.settlement()).isEmpty();
        });
    }

    @Test
    void closesWithTheTariffFeeAtExit() {
        Session.Active active = active("2025-03-03T09:00");
        Exit exit = exit("2025-03-03T11:00");

        Transition<Session.Closed> closed = active.close(exit, feeFor(active.stay(), exit));

        // QD-T1-CORE by day: first hour ¥5, second hour ¥3
        assertThat(closed.state().fee().amount()).isEqualTo(Money.ofYuan(8));
        assertThat(closed.state().awaiting()).isEmpty();
        assertThat(closed.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEventType.SessionClosed);
            assertThat(event.occurredAt()).isEqualTo(exit.at());
            assertThat(event.exitAt()).contains(exit.at());
            assertThat(event.fee()).contains(Money.ofYuan(8));
            assertThat(event.gate()).isEqualTo(exit.gate());
        });
    }

    @Test
    void refusesExitBeforeEntry() {
        Session.Active active = active("2025-03-03T09:00");
        Exit early = exit("2025-03-03T08:59");
        Fee zero = feeFor(active.stay(), exit("2025-03-03T09:00"));

        assertThatThrownBy(() -> active.close(early, zero))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("observedAt"));
    }

    @Test
    void settlesAutopayWhenPaidInFull() {
        Session.Closed closed = closed("2025-03-03T09:00", "2025-03-03T11:00").awaiting(Settlement.AUTOPAY);

        Transition<Session.Settled> settled = closed.settle(Settlement.AUTOPAY, Money.ofYuan(8),
                at("2025-03-03T11:00"));

        assertThat(settled.state().paid()).isEqualTo(Money.ofYuan(8));
        assertThat(settled.state().settlement()).contains(Settlement.AUTOPAY);
        assertThat(settled.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEventType.SessionSettled);
            assertThat(event.paid()).contains(Money.ofYuan(8));
            assertThat(event.settlement()).contains(Settlement.AUTOPAY);
        });
    }

    @Test
    void refusesPartialOrExcessPayment() {
        Session.Closed closed = closed("2025-03-03T09:00", "2025-03-03T11:00");

        assertThatThrownBy(() -> closed.settle(Settlement.PAY_NOW, Money.ofYuan(7), at("2025-03-03T11:01")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> closed.settle(Settlement.PAY_NOW, Money.ofYuan(9), at("2025-03-03T11:01")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void settlesAFreeStayWithoutSettlementKind() {
        Session.Closed free = closed("2025-03-03T09:00", "2025-03-03T09:20");

        Transition<Session.Settled> settled = free.settleFree(at("2025-03-03T09:20"));

        assertThat(settled.state().paid()).isEqualTo(Money.ZERO);
        assertThat(settled.state().settlement()).isEmpty();
        assertThat(settled.events()).singleElement()
                .satisfies(event -> assertThat(event.settlement()).isEmpty());
    }

    @Test
    void refusesToSettleAPaidStayAsFreeAndToChargeAFreeStay() {
        Session.Closed paid = closed("2025-03-03T09:00", "2025-03-03T11:00");
        Session.Closed free = closed("2025-03-03T09:00", "2025-03-03T09:20");

        assertThatThrownBy(() -> paid.settleFree(at("2025-03-03T11:00"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> free.settle(Settlement.PAY_NOW, Money.ZERO, at("2025-03-03T09:20")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> free.defer(at("2025-03-03T09:20"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesToSettleAClosedSessionAsDeferred() {
        Session.Closed closed = closed("2025-03-03T09:00", "2025-03-03T11:00");

        assertThatThrownBy(() -> closed.settle(Settlement.DEFERRED, Money.ofYuan(8), at("2025-03-03T11:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> closed.awaiting(Settlement.DEFERRED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defersIntoAnUnpaidBill() {
        Session.Closed closed = closed("2025-03-03T09:00", "2025-03-03T11:00");

        Transition<Session.Unpaid> deferred = closed.defer(at("2025-03-03T11:00"));

        assertThat(deferred.state().status()).isEqualTo(SessionStatus.UNPAID);
        assertThat(deferred.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEventType.SessionDeferred);
            assertThat(event.settlement()).contains(Settlement.DEFERRED);
            assertThat(event.fee()).contains(Money.ofYuan(8));
            assertThat(event.paid()).isEmpty();
        });
    }

    @Test
    void settlesADeferredBillLater() {
        Session.Unpaid unpaid = unpaid("2025-03-03T09:00", "2025-03-03T11:00");

        Transition<Session.Settled> settled = unpaid.settle(Money.ofYuan(8), at("2025-03-05T10:00"));

        assertThat(settled.state().settlement()).contains(Settlement.DEFERRED);
        assertThat(settled.state().settledAt()).isEqualTo(at("2025-03-05T10:00"));
        assertThat(settled.events()).extracting(SessionEvent::type).containsExactly(SessionEventType.SessionSettled);
    }

    @Test
    void refusesWrongAmountForADeferredBill() {
        Session.Unpaid unpaid = unpaid("2025-03-03T09:00", "2025-03-03T11:00");

        assertThatThrownBy(() -> unpaid.settle(Money.ofYuan(1), at("2025-03-05T10:00")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void writesOffAnUnpaidBillWithAReason() {
        Session.Unpaid unpaid = unpaid("2025-03-03T09:00", "2025-03-03T11:00");

        Transition<Session.WrittenOff> off = unpaid.writeOff(at("2025-06-01T10:00"), "  plate misread  ");

        assertThat(off.state().reason()).isEqualTo("plate misread");
        assertThat(off.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SessionEventType.SessionWrittenOff);
            assertThat(event.paid()).contains(Money.ZERO);
        });
        assertThatThrownBy(() -> unpaid.writeOff(at("2025-06-01T10:00"), " "))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void chainsTransitionsKeepingEveryEventInOrder() {
        Session.Active active = active("2025-03-03T09:00");
        Exit exit = exit("2025-03-03T11:00");

        Transition<Session.Unpaid> closedAndDeferred = active.close(exit, feeFor(active.stay(), exit))
                .then(closed -> closed.defer(exit.at()));

        assertThat(closedAndDeferred.events()).extracting(SessionEvent::type)
                .containsExactly(SessionEventType.SessionClosed, SessionEventType.SessionDeferred);
        assertThat(closedAndDeferred.events()).extracting(SessionEvent::sessionId).containsOnly(active.id());
    }

    @Test
    void finalStatesOfferNoTransitions() {
        // Settled and WrittenOff are final: their types declare no transition methods at all
        assertThat(Session.Settled.class.getDeclaredMethods())
                .extracting(java.lang.reflect.Method::getReturnType)
                .doesNotContain(Transition.class);
        assertThat(Session.WrittenOff.class.getDeclaredMethods())
                .extracting(java.lang.reflect.Method::getReturnType)
                .doesNotContain(Transition.class);
        assertThat(Session.class.getPermittedSubclasses()).hasSize(5);
    }

    @Test
    void keepsTheFeeAndItsBreakdownAcrossTransitions() {
        Session.Unpaid unpaid = unpaid("2025-03-03T20:00", "2025-03-04T08:30");

        // QD-T1-CORE across midnight: day first hour ¥5, night 10 × ¥1, day 2 × ¥3
        assertThat(unpaid.fee().amount()).isEqualTo(Money.ofYuan(21));
        assertThat(unpaid.fee().breakdown()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(unpaid.exit().gate()).isEqualTo(Optional.of(dev.citypark.core.GateId.of("QD-L-00001-G2")));
    }
}
