package dev.citypark.billing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.Quote;
import dev.citypark.billing.StayRequest;
import dev.citypark.billing.Tariff;
import dev.citypark.billing.TariffId;
import dev.citypark.billing.Tariffs;
import dev.citypark.billing.VehicleSize;
import dev.citypark.core.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public tariff reads and quotes: "what does a stay from A to B cost here". */
@RestController
@RequestMapping("/api/v1/tariffs")
class TariffController {

    private final Tariffs tariffs;

    TariffController(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    @GetMapping
    @Operation(summary = "List the city's tariffs with their version dates")
    Mono<List<TariffView>> list() {
        return Mono.fromSupplier(() -> tariffs.listTariffs().stream().map(TariffView::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One tariff")
    Mono<TariffView> get(@PathVariable String id) {
        return Mono.fromSupplier(() -> TariffView.of(tariffs.getTariff(TariffId.of(id))));
    }

    @GetMapping("/{id}/quote")
    @Operation(summary = "Fee and breakdown for a stay (Asia/Shanghai rules, amounts in fen)")
    Mono<QuoteView> quote(@PathVariable String id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "SMALL") String vehicle,
            @RequestParam(defaultValue = "false") boolean newEnergy,
            @RequestParam(defaultValue = "false") boolean monthlyPass) {
        return Mono.fromSupplier(() -> {
            StayRequest stay = StayRequest.of(from, to)
                    .withSize(parseVehicle(vehicle))
                    .withNewEnergy(newEnergy)
                    .withMonthlyPass(monthlyPass);
            return QuoteView.of(tariffs.quote(TariffId.of(id), stay));
        });
    }

    private static VehicleSize parseVehicle(String vehicle) {
        try {
            return VehicleSize.valueOf(vehicle.trim().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidValueException("vehicle", "vehicle must be SMALL or LARGE");
        }
    }

    record TariffView(String id, String name, String description, List<LocalDate> versions) {

        static TariffView of(Tariff tariff) {
            return new TariffView(tariff.id().value(), tariff.name(), tariff.description(),
                    tariff.listVersionDates());
        }
    }

    record QuoteView(String tariffId, LocalDate tariffVersion, long totalFen, String total, List<LineView> breakdown) {

        static QuoteView of(Quote quote) {
            return new QuoteView(quote.tariffId().value(), quote.tariffVersion(), quote.total().fen(),
                    quote.total().toString(), quote.breakdown().stream().map(LineView::of).toList());
        }
    }

    record LineView(String rule, String kind, String description, String descriptionZh, long amountFen,
            Instant from, Instant to) {

        static LineView of(BreakdownLine line) {
            return new LineView(line.rule(), line.kind().name(), line.descriptionEn(), line.descriptionZh(),
                    line.amount().fen(), line.from(), line.to());
        }
    }

}
