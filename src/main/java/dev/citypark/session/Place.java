package dev.citypark.session;

import java.util.Objects;

import dev.citypark.billing.TariffId;
import dev.citypark.core.DistrictCode;
import dev.citypark.core.OperatorId;

/**
 * The lot or segment a session takes place in, as the registry described it when the session opened.
 *
 * @param kind     lot or segment
 * @param id       the lot or segment id
 * @param operator who runs it
 * @param district the district it lies in
 * @param tariff   the tariff that prices stays there
 */
public record Place(PlaceKind kind, String id, OperatorId operator, DistrictCode district, TariffId tariff) {

    public Place {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(tariff, "tariff");
    }
}
