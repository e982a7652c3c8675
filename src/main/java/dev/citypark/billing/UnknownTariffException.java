package dev.citypark.billing;

import dev.citypark.core.NotFoundException;

/** No tariff with the asked id is loaded. The web layer maps this to 404. */
public class UnknownTariffException extends NotFoundException {

    private final TariffId tariffId;

    public UnknownTariffException(TariffId tariffId) {
        super("tariff", tariffId.value());
        this.tariffId = tariffId;
    }

    public TariffId tariffId() {
        return tariffId;
    }
}
