package dev.citypark.session.web;

import java.util.List;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Plate;
import dev.citypark.security.CurrentCaller;
import dev.citypark.session.BayCheckin;
import dev.citypark.session.BillPayments;
import dev.citypark.session.GateDecision;
import dev.citypark.session.GateDecisions;
import dev.citypark.session.GateEvent;
import dev.citypark.session.OperatorSessionQueries;
import dev.citypark.session.web.Views.AnomalyView;
import dev.citypark.session.web.Views.ArrearsView;
import dev.citypark.session.web.Views.BillView;
import dev.citypark.session.web.Views.DecisionView;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Operators' gate and bay events, arrears checks, anomalies and write-offs. Every request acts for the calling
 * operator (its API key); lots, gates, bays and bills of other operators are refused.
 */
@RestController
@RequestMapping("/api/v1/operator")
class OperatorSessionController {

    private final CurrentCaller caller;
    private final GateDecisions gates;
    private final OperatorSessionQueries queries;
    private final BillPayments payments;

    OperatorSessionController(CurrentCaller caller, GateDecisions gates, OperatorSessionQueries queries,
            BillPayments payments) {
        this.caller = caller;
        this.gates = gates;
        this.queries = queries;
        this.payments = payments;
    }

    record GateEventRequest(String lotId, String gateId, String direction, String plate, String plateColour,
                            String observedAt, Double confidence, String imageRef, String bayId) {

        GateEvent toEvent() {
            return GateEvent.parse(lotId, gateId, direction, plate, plateColour,
                    Wire.instant("observedAt", observedAt), confidence, imageRef, bayId);
        }
    }

    @PostMapping("/gate-events")
    @Operation(summary = "A gate camera read a plate: 201 with the new session for an ENTRY (200 when it was a"
            + " duplicate read), 200 with the decision for an EXIT (OPEN / PAY_NOW / ATTENDANT, fee, breakdown,"
            + " settlement)")
    Mono<ResponseEntity<DecisionView>> gateEvent(@RequestBody GateEventRequest request) {
        return caller.currentOperator()
                .flatMap(operator -> Mono.fromCallable(() -> requireBody(request).toEvent())
                        .flatMap(event -> gates.handle(operator, event)))
                .map(OperatorSessionController::respond);
    }

    record BayCheckinRequest(String bayId, String state, String plate, String plateColour, String observedAt,
                             Double confidence, String imageRef) {

        BayCheckin toReading() {
            return BayCheckin.parse(bayId, state, plate, plateColour, Wire.instant("observedAt", observedAt),
                    confidence, imageRef);
        }
    }

    @PostMapping("/bay-checkins")
    @Operation(summary = "An on-street bay turned OCCUPIED (with the plate read: 201, a session opens) or FREE"
            + " (200 with the decision for the bay's session)")
    Mono<ResponseEntity<DecisionView>> bayCheckin(@RequestBody BayCheckinRequest request) {
        return caller.currentOperator()
                .flatMap(operator -> Mono.fromCallable(() -> requireBody(request).toReading())
                        .flatMap(reading -> gates.handle(operator, reading)))
                .map(OperatorSessionController::respond);
    }

    @GetMapping("/vehicles/{plate}/arrears")
    @Operation(summary = "What a plate owes city-wide: number and sum of unpaid bills, no other details")
    Mono<ArrearsView> arrears(@PathVariable String plate) {
        return caller.currentOperator()
                .then(Mono.fromCallable(() -> Plate.of(plate)))
                .flatMap(parsed -> queries.arrears(parsed).map(arrears -> new ArrearsView(parsed.value(),
                        arrears.count(), arrears.total().fen(), arrears.total().toString())));
    }

    @GetMapping("/anomalies")
    @Operation(summary = "The operator's anomalies (exit without entry, missed exit, overstay), newest first")
    Mono<List<AnomalyView>> anomalies(@RequestParam(defaultValue = "100") int limit) {
        return caller.currentOperator()
                .flatMapMany(operator -> queries.anomalies(operator, limit))
                .map(AnomalyView::of)
                .collectList();
    }

    record WriteOffRequest(String reason) {
    }

    @PostMapping("/bills/{billId}/write-off")
    @Operation(summary = "Write off an unpaid bill of one of the operator's places")
    Mono<BillView> writeOff(@PathVariable String billId, @RequestBody WriteOffRequest request) {
        return caller.currentOperator()
                .flatMap(operator -> Mono.fromCallable(() -> Wire.uuid("billId", billId))
                        .flatMap(id -> payments.writeOff(operator, id, requireBody(request).reason())))
                .map(BillView::of);
    }

    private static ResponseEntity<DecisionView> respond(GateDecision decision) {
        return ResponseEntity.status(decision.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(DecisionView.of(decision));
    }

    private static <T> T requireBody(T body) {
        if (body == null) {
            throw new InvalidValueException("body", "a JSON body is required");
        }
        return body;
    }
}
