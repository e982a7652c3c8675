package dev.citypark.session.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.citypark.billing.PaymentMethod;
import dev.citypark.core.DriverId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.security.CurrentCaller;
import dev.citypark.session.BillPayments;
import dev.citypark.session.BillStatus;
import dev.citypark.session.DriverVehicles;
import dev.citypark.session.DriverSessions;
import dev.citypark.session.PayBillCommand;
import dev.citypark.session.SessionId;
import dev.citypark.session.Vehicle;
import dev.citypark.session.web.Views.BillView;
import dev.citypark.session.web.Views.LineView;
import dev.citypark.session.web.Views.PaymentView;
import dev.citypark.session.web.Views.QuoteView;
import dev.citypark.session.web.Views.SessionView;
import dev.citypark.session.web.Views.VehicleView;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A driver's sessions, bills, payments, vehicles and autopay (bearer token of a driver). A driver sees only the
 * sessions and bills of plates bound to their account; anything else looks absent (404).
 */
@RestController
class DriverSessionController {

    private final CurrentCaller caller;
    private final DriverSessions sessions;
    private final DriverVehicles accounts;
    private final BillPayments payments;

    DriverSessionController(CurrentCaller caller, DriverSessions sessions, DriverVehicles accounts,
            BillPayments payments) {
        this.caller = caller;
        this.sessions = sessions;
        this.accounts = accounts;
        this.payments = payments;
    }

    @GetMapping("/api/v1/me/sessions")
    @Operation(summary = "The driver's sessions (plates bound to them), newest first")
    Mono<List<SessionView>> listSessions(@RequestParam(defaultValue = "50") int limit) {
        return caller.currentDriver()
                .flatMapMany(driver -> sessions.listSessions(driver, limit))
                .map(SessionView::of)
                .collectList();
    }

    @GetMapping("/api/v1/me/bills")
    @Operation(summary = "The driver's bills; status=UNPAID lists what is owed")
    Mono<List<BillView>> listBills(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") int limit) {
        return caller.currentDriver()
                .flatMapMany(driver -> sessions.listBills(driver, parseStatus(status), limit))
                .map(BillView::of)
                .collectList();
    }

    record PaymentRequest(Long amountFen, String method, String payerAccount) {
    }

    @PostMapping("/api/v1/me/bills/{billId}/payments")
    @Operation(summary = "Pay a bill. Idempotency-Key is required: a retry with the same key returns the same payment"
            + " (201 confirmed, 202 pending, 200 declined or expired); the same key with another body is 422")
    Mono<ResponseEntity<PaymentView>> pay(@PathVariable String billId,
            @RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody PaymentRequest request) {
        return caller.currentDriver()
                .flatMap(driver -> Mono.fromCallable(() -> command(driver, billId, idempotencyKey, request))
                        .flatMap(command -> payments.payBill(driver, command)))
                .map(receipt -> {
                    HttpStatus status = switch (receipt.payment().status()) {
                        case CONFIRMED -> HttpStatus.CREATED;
                        case PENDING -> HttpStatus.ACCEPTED;
                        default -> HttpStatus.OK;
                    };
                    return ResponseEntity.status(status)
                            .header("Idempotent-Replayed", Boolean.toString(receipt.replayed()))
                            .body(PaymentView.of(receipt));
                });
    }

    @GetMapping("/api/v1/sessions/{sessionId}/quote")
    @Operation(summary = "What the driver pays if their car leaves at leaveAt (default now); only the driver's own"
            + " sessions, others are 404")
    Mono<QuoteView> quote(@PathVariable String sessionId, @RequestParam(required = false) String leaveAt) {
        return caller.currentDriver()
                .flatMap(driver -> Mono.fromCallable(() -> SessionId.parse(sessionId))
                        .flatMap(id -> sessions.quote(driver, id,
                                Optional.ofNullable(Wire.instant("leaveAt", leaveAt)))))
                .map(quote -> new QuoteView(quote.session().id().toString(), quote.session().status().name(),
                        quote.at(), quote.fee().amount().fen(), quote.fee().amount().toString(),
                        quote.fee().tariff().value(), quote.fee().tariffVersion(), LineView.of(quote.fee())));
    }

    @GetMapping("/api/v1/me/vehicles")
    @Operation(summary = "The driver's bound vehicles")
    Mono<List<VehicleView>> listVehicles() {
        return caller.currentDriver()
                .flatMapMany(driver -> accounts.list(driver)
                        .concatMap(binding -> accounts.findAutopay(driver, binding.vehicle().plate())
                                .map(agreement -> VehicleView.of(binding, agreement.method().name()))
                                .defaultIfEmpty(VehicleView.of(binding, null))))
                .collectList();
    }

    record BindRequest(String plateColour, String verificationCode) {
    }

    @PutMapping("/api/v1/me/vehicles/{plate}")
    @Operation(summary = "Bind a plate to the driver's account after a verification step (one account per plate)")
    Mono<VehicleView> bind(@PathVariable String plate, @RequestBody BindRequest request) {
        return caller.currentDriver()
                .flatMap(driver -> Mono.fromCallable(() -> {
                            if (request == null || request.plateColour() == null) {
                                throw new InvalidValueException("plateColour", "plateColour is required");
                            }
                            if (request.verificationCode() == null || request.verificationCode().isBlank()) {
                                throw new InvalidValueException("verificationCode", "verificationCode is required");
                            }
                            return new Vehicle(Plate.of(plate), PlateColour.parse(request.plateColour()));
                        })
                        .flatMap(vehicle -> accounts.bind(driver, vehicle, request.verificationCode()))
                        .flatMap(binding -> accounts.findAutopay(driver, binding.vehicle().plate())
                                .map(agreement -> VehicleView.of(binding, agreement.method().name()))
                                .defaultIfEmpty(VehicleView.of(binding, null))));
    }

    @DeleteMapping("/api/v1/me/vehicles/{plate}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unbind a plate (and its autopay agreement)")
    Mono<Void> unbind(@PathVariable String plate) {
        return caller.currentDriver()
                .flatMap(driver -> Mono.fromCallable(() -> Plate.of(plate))
                        .flatMap(parsed -> accounts.unbind(driver, parsed)));
    }

    record AutopayRequest(String method, String accountRef) {
    }

    record AutopayView(String plate, String method, java.time.Instant boundAt) {
    }

    @PutMapping("/api/v1/me/vehicles/{plate}/autopay")
    @Operation(summary = "Bind the payment agreement that pays this plate's fees at exit (无感支付)")
    Mono<AutopayView> bindAutopay(@PathVariable String plate, @RequestBody AutopayRequest request) {
        return caller.currentDriver()
                .flatMap(driver -> Mono.fromCallable(() -> {
                            if (request == null) {
                                throw new InvalidValueException("method", "method is required");
                            }
                            return Plate.of(plate);
                        })
                        .flatMap(parsed -> accounts.bindAutopay(driver, parsed, PaymentMethod.parse(request.method()),
                                request.accountRef())))
                .map(agreement -> new AutopayView(agreement.plate().value(), agreement.method().name(),
                        agreement.boundAt()));
    }

    @DeleteMapping("/api/v1/me/vehicles/{plate}/autopay")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the plate's autopay agreement")
    Mono<Void> unbindAutopay(@PathVariable String plate) {
        return caller.currentDriver()
                .flatMap(driver -> Mono.fromCallable(() -> Plate.of(plate))
                        .flatMap(parsed -> accounts.unbindAutopay(driver, parsed)));
    }

    private static PayBillCommand command(DriverId driver, String billId, String key, PaymentRequest request) {
        if (request == null || request.amountFen() == null) {
            throw new InvalidValueException("amountFen", "amountFen is required");
        }
        String payer = request.payerAccount() == null || request.payerAccount().isBlank()
                ? "app:" + driver.value() : request.payerAccount();
        return new PayBillCommand(Wire.uuid("billId", billId), Money.ofFen(request.amountFen()),
                PaymentMethod.parse(request.method()), payer, key);
    }

    private static Optional<BillStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BillStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", "status must be UNPAID, PAID or WRITTEN_OFF");
        }
    }

}
