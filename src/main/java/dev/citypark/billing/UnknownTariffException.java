package dev.citypark.billing;

/** No tariff with the asked id is loaded. The web layer maps this to 404. */
public class UnknownTariffException extends RuntimeException {

    private final TariffId tariffId;

    public UnknownTariffException(TariffId tariffId) {
        super("unknown tariff '" + tariffId + "'");
        this.tariffId = tariffId;
    }

    public TariffId tariffId() {
        return tariffId;
    }
}
