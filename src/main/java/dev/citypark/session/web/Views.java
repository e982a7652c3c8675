package dev.citypark.session.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.core.Money;
import dev.citypark.session.Anomaly;
import dev.citypark.session.Bill;
import dev.citypark.session.Fee;
import dev.citypark.session.GateDecision;
import dev.citypark.session.Payment;
import dev.citypark.session.PaymentReceipt;
import dev.citypark.session.Session;
import dev.citypark.session.Stay;
import dev.citypark.session.VehicleBinding;

/** The JSON shapes of the session API. Amounts are fen ({@code long}) with a human {@code ¥} form beside them. */
final class Views {

    private Views() {
    }

    record LineView(String rule, String kind, String description, String descriptionZh, long amountFen,
                    Instant from, Instant to) {

        static List<LineView> of(Fee fee) {
            return fee.breakdown().stream().map(LineView::of).toList();
        }

        static LineView of(BreakdownLine line) {
            return new LineView(line.rule(), line.kind().name(), line.descriptionEn(), line.descriptionZh(),
                    line.amount().fen(), line.from(), line.to());
        }
    }

    /** A gate's answer: {@code decision} is what the barrier does. */
    record DecisionView(String decision, String sessionId, String status, boolean created, Long feeFen, String fee,
                        List<LineView> breakdown, String settlement, String billId, String anomalyId,
                        String reason, String locateCode) {

        static DecisionView of(GateDecision d) {
            return new DecisionView(d.verdict().name(), d.session().map(Object::toString).orElse(null),
                    d.status().map(Enum::name).orElse(null), d.created(),
                    d.fee().map(f -> f.amount().fen()).orElse(null),
                    d.fee().map(f -> f.amount().toString()).orElse(null),
                    d.fee().map(LineView::of).orElse(List.of()),
                    d.settlement().map(Enum::name).orElse(null), d.bill().map(Object::toString).orElse(null),
                    d.anomaly().map(Object::toString).orElse(null), d.reason().orElse(null),
                    d.locateCode().orElse(null));
        }
    }

    record SessionView(String sessionId, String status, String plate, String plateColour, String placeKind,
                       String placeId, String operatorId, String bayId, String entryGateId, Instant entryAt,
                       String exitGateId, Instant exitAt, Long feeFen, String fee, Long paidFen, String settlement) {

        static SessionView of(Session session) {
            Stay stay = session.stay();
            String exitGate = null;
            Instant exitAt = null;
            Fee fee = null;
            Money paid = null;
            String settlement = null;
            if (session instanceof Session.Closed s) {
                exitGate = s.exit().gate().map(Object::toString).orElse(null);
                exitAt = s.exit().at();
                fee = s.fee();
                settlement = s.awaiting().map(Enum::name).orElse(null);
            }
            else if (session instanceof Session.Unpaid s) {
                exitGate = s.exit().gate().map(Object::toString).orElse(null);
                exitAt = s.exit().at();
                fee = s.fee();
                settlement = "DEFERRED";
            }
            else if (session instanceof Session.Settled s) {
                exitGate = s.exit().gate().map(Object::toString).orElse(null);
                exitAt = s.exit().at();
                fee = s.fee();
                paid = s.paid();
                settlement = s.settlement().map(Enum::name).orElse(null);
            }
            else if (session instanceof Session.WrittenOff s) {
                exitGate = s.exit().gate().map(Object::toString).orElse(null);
                exitAt = s.exit().at();
                fee = s.fee();
                paid = Money.ZERO;
                settlement = "DEFERRED";
            }
            return new SessionView(stay.id().toString(), session.status().name(), stay.vehicle().plate().value(),
                    stay.vehicle().colour().name(), stay.place().kind().name(), stay.place().id(),
                    stay.place().operator().value(), stay.bay().map(Object::toString).orElse(null),
                    stay.entryGate().map(Object::toString).orElse(null), stay.entryAt(), exitGate, exitAt,
                    fee == null ? null : fee.amount().fen(), fee == null ? null : fee.amount().toString(),
                    paid == null ? null : paid.fen(), settlement);
        }
    }

    record BillView(String billId, String sessionId, String plate, String placeId, String operatorId, long amountFen,
                    String amount, String status, Instant issuedAt, Instant paidAt) {

        static BillView of(Bill bill) {
            return new BillView(bill.id().toString(), bill.session().toString(), bill.vehicle().plate().value(),
                    bill.place(), bill.operator().value(), bill.amount().fen(), bill.amount().toString(),
                    bill.status().name(), bill.issuedAt(), bill.paidAt().orElse(null));
        }
    }

    record PaymentView(String paymentId, String billId, String sessionId, long amountFen, String method,
                       String status, String failureReason, Instant createdAt, Instant completedAt) {

        static PaymentView of(PaymentReceipt receipt) {
            Payment p = receipt.payment();
            return new PaymentView(p.id().toString(), p.bill().toString(), receipt.session().toString(),
                    p.amount().fen(), p.method().name(), p.status().name(), p.failureReason().orElse(null),
                    p.createdAt(), p.completedAt().orElse(null));
        }
    }

    record QuoteView(String sessionId, String status, Instant leaveAt, long feeFen, String fee, String tariffId,
                     LocalDate tariffVersion, List<LineView> breakdown) {
    }

    record VehicleView(String plate, String plateColour, Instant verifiedAt, boolean autopay, String autopayMethod) {

        static VehicleView of(VehicleBinding binding, String autopayMethod) {
            return new VehicleView(binding.vehicle().plate().value(), binding.vehicle().colour().name(),
                    binding.verifiedAt(), autopayMethod != null, autopayMethod);
        }
    }

    record ArrearsView(String plate, long unpaidCount, long unpaidFen, String unpaid) {
    }

    record AnomalyView(String anomalyId, String kind, String placeKind, String placeId, String gateId, String bayId,
                       String plate, Instant observedAt, String sessionId, String detail) {

        static AnomalyView of(Anomaly a) {
            return new AnomalyView(a.id().toString(), a.kind().name(), a.placeKind().name(), a.placeId(),
                    a.gate().map(Object::toString).orElse(null), a.bay().map(Object::toString).orElse(null),
                    a.vehicle().plate().value(), a.observedAt(), a.session().map(Object::toString).orElse(null),
                    a.detail());
        }
    }
}
