package dev.citypark.session;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import dev.citypark.billing.StayRequest;
import dev.citypark.billing.TariffId;
import dev.citypark.billing.Tariffs;
import dev.citypark.core.DistrictCode;
import dev.citypark.core.GateId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;

/** Test fixtures built by calling the real transitions, never by setting fields. */
final class Sessions {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Tariffs TARIFFS = Tariffs.load(Path.of("geo-data/tariffs.json"));
    static final Place LOT = new Place(PlaceKind.LOT, "QD-L-00001", OperatorId.of("OP-GAR-01"),
            DistrictCode.of("370202"), TariffId.of("QD-T1-CORE"));
    static final Vehicle CAR = new Vehicle(Plate.of("鲁B12345"), PlateColour.BLUE);

    private Sessions() {
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    static Stay stay(String entryLocal) {
        return new Stay(SessionId.random(), LOT, CAR, Stay.categoryOf(CAR), Optional.of(GateId.of("QD-L-00001-G1")),
                Optional.empty(), at(entryLocal), Evidence.certain());
    }

    static Session.Active active(String entryLocal) {
        return Session.open(stay(entryLocal)).state();
    }

    static Exit exit(String local) {
        return new Exit(at(local), Optional.of(GateId.of("QD-L-00001-G2")));
    }

    static Fee feeFor(Stay stay, Exit exit) {
        StayRequest request = StayRequest.of(stay.entryAt(), exit.at())
                .withSize(stay.vehicle().size())
                .withNewEnergy(stay.vehicle().newEnergy());
        return Fee.of(TARIFFS.quote(stay.place().tariff(), request));
    }

    static Session.Closed closed(String entryLocal, String exitLocal) {
        Session.Active active = active(entryLocal);
        Exit exit = exit(exitLocal);
        return active.close(exit, feeFor(active.stay(), exit)).state();
    }

    static Session.Unpaid unpaid(String entryLocal, String exitLocal) {
        return closed(entryLocal, exitLocal).defer(at(exitLocal).plusSeconds(1)).state();
    }
}
