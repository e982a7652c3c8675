package dev.citypark.core;

/**
 * The plate formats {@link Plate} accepts, after the province abbreviation and the issuing-authority letter (GA 36,
 * motor vehicle plates of the PRC, with the new-energy amendment).
 */
public enum PlateKind {

    /** Five serial characters, letters (no I, O) or digits, e.g. {@code 鲁B12345}, {@code 鲁BA1C23}. */
    ORDINARY(false),
    /**
     * Small new-energy vehicle: six serial characters, an energy letter, a letter or digit, four digits, e.g.
     * {@code 鲁BD12345}, {@code 鲁BFA1234}.
     */
    SMALL_NEW_ENERGY(true),
    /** Large new-energy vehicle: five digits, then an energy letter, e.g. {@code 鲁B12345D}. */
    LARGE_NEW_ENERGY(true),
    /** Driving-school car: four serial characters then 学, e.g. {@code 鲁B1234学}. */
    COACH(false),
    /** Police: four serial characters then 警, e.g. {@code 鲁B1234警}. */
    POLICE(false),
    /** Trailer: four serial characters then 挂, e.g. {@code 鲁B1234挂}. */
    TRAILER(false),
    /** Consulate: four serial characters then 领, e.g. {@code 沪A1234领}. */
    CONSULATE(false),
    /** Hong Kong vehicle admitted to the mainland: {@code 粤Z} then four serial characters then 港. */
    HONG_KONG(false),
    /** Macau vehicle admitted to the mainland: {@code 粤Z} then four serial characters then 澳. */
    MACAU(false);

    private final boolean newEnergy;

    PlateKind(boolean newEnergy) {
        this.newEnergy = newEnergy;
    }

    public boolean isNewEnergy() {
        return newEnergy;
    }
}
