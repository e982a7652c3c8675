package dev.citypark.core;

/**
 * A mainland China motor vehicle licence plate number (GA 36). Plates are personal data: {@link #toString()} is the
 * {@linkplain #masked() masked} form, so logging a {@code Plate} never leaks it, and no error message repeats more
 * than a masked form of the input. Use {@link #value()} only where the full number is needed (storage, matching).
 * <p>
 * <b>Normalisation.</b> Unicode NFKC (so full-width {@code 鲁Ｂ１２３４５} becomes half-width), then whitespace, middle
 * dots ({@code · ・ • ‧ ⋅}) and hyphens/dashes are removed and ASCII letters upper-cased. Nothing else is mapped:
 * afterwards every character must be a province abbreviation, an ASCII letter A-Z, a digit 0-9 or one of the special
 * suffixes, so look-alike letters from other scripts (Cyrillic {@code А}, Greek {@code Ο}, …) are refused rather
 * than silently matched to a different vehicle.
 * <p>
 * <b>Formats</b> ({@link PlateKind}): a province abbreviation ({@code 京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼}),
 * an issuing-authority letter (A-Z without I and O), then
 * <ul>
 *   <li>ordinary: five serial characters, each a letter (no I, O) or digit;</li>
 *   <li>small new-energy: six serial characters, an energy letter, a letter (no I, O) or digit, then four digits;</li>
 *   <li>large new-energy: five digits, then an energy letter;</li>
 *   <li>four serial characters then 学 (driving school), 警 (police), 挂 (trailer) or 领 (consulate); or, only
 *       after {@code 粤Z}, 港 (Hong Kong) or 澳 (Macau).</li>
 * </ul>
 * Energy letters: GA 36-2018 uses D (pure electric) and F (other new energy); the later extension of the series adds
 * A, B, C, E for pure electric and G, H, J, K for the others, all accepted. The letters I and O never appear after
 * the province abbreviation.
 * <p>
 * Equality is by the normalised value.
 */
public final class Plate {

    /** Longer raw input is refused before normalisation: no plate, however spaced, comes close. */
    static final int MAX_RAW_LENGTH = 32;

    private static final String PURE_ELECTRIC = "DABCE";
    private static final String OTHER_NEW_ENERGY = "FGHJK";

    private final String value;
    private final PlateKind kind;

    private Plate(String value, PlateKind kind) {
        this.value = value;
        this.kind = kind;
    }

    /**
     * Normalises and validates a plate.
     *
     * @throws InvalidValueException (field {@code plate}) if the input is not a valid plate; the message shows at
     *                               most a masked form of the input
     */
    public static Plate of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("a plate number is required", "");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw new InvalidValueException("plate",
                    "plate must be at most " + MAX_RAW_LENGTH + " characters, was " + raw.length());
        }
        String normalised = PlateText.normalise(raw);
        int[] cps = normalised.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (!(PlateText.isProvince(cp) || PlateText.isUpperAscii(cp) || PlateText.isDigit(cp)
                    || PlateText.isSuffix(cp))) {
                throw invalid("plate contains a character that is not a province abbreviation, a letter A-Z or a"
                        + " digit: " + String.format("U+%04X", cp) + " at position " + (i + 1), normalised);
            }
        }
        PlateKind kind = classify(cps, normalised);
        return new Plate(normalised, kind);
    }

    private static PlateKind classify(int[] cps, String normalised) {
        if (cps.length < 2 || !PlateText.isProvince(cps[0])) {
            throw invalid("plate must start with a province abbreviation such as 鲁", normalised);
        }
        for (int i = 1; i < cps.length; i++) {
            if (cps[i] == 'I' || cps[i] == 'O') {
                throw invalid("the letters I and O are not used on plates", normalised);
            }
        }
        if (!PlateText.isUpperAscii(cps[1])) {
            throw invalid("the second plate character must be the issuing authority's letter", normalised);
        }
        for (int i = 0; i < cps.length; i++) {
            if (i > 0 && PlateText.isProvince(cps[i])) {
                throw invalid("a province abbreviation may only start a plate", normalised);
            }
            if (i < cps.length - 1 && PlateText.isSuffix(cps[i])) {
                throw invalid("学, 警, 挂, 领, 港 and 澳 may only end a plate", normalised);
            }
        }
        int serialLength = cps.length - 2;
        if (serialLength == 5) {
            return classifyFiveCharacterSerial(cps, normalised);
        }
        if (serialLength == 6) {
            return classifyNewEnergy(cps, normalised);
        }
        throw invalid("plate must have 7 characters (8 for new-energy vehicles), had " + cps.length, normalised);
    }

    private static PlateKind classifyFiveCharacterSerial(int[] cps, String normalised) {
        for (int i = 2; i < 6; i++) {
            requireSerialChar(cps[i], normalised);
        }
        int last = cps[6];
        return switch (last) {
            case '学' -> PlateKind.COACH;
            case '警' -> PlateKind.POLICE;
            case '挂' -> PlateKind.TRAILER;
            case '领' -> PlateKind.CONSULATE;
            case '港', '澳' -> {
                if (cps[0] != '粤' || cps[1] != 'Z') {
                    throw invalid("港 and 澳 plates are issued as 粤Z only", normalised);
                }
                yield last == '港' ? PlateKind.HONG_KONG : PlateKind.MACAU;
            }
            default -> {
                requireSerialChar(last, normalised);
                yield PlateKind.ORDINARY;
            }
        };
    }

    private static PlateKind classifyNewEnergy(int[] cps, String normalised) {
        if (isEnergyLetter(cps[2])) {
            requireSerialChar(cps[3], normalised);
            for (int i = 4; i < 8; i++) {
                if (!PlateText.isDigit(cps[i])) {
                    throw invalid("a small new-energy plate ends with four digits", normalised);
                }
            }
            return PlateKind.SMALL_NEW_ENERGY;
        }
        if (PlateText.isDigit(cps[2])) {
            for (int i = 2; i < 7; i++) {
                if (!PlateText.isDigit(cps[i])) {
                    throw invalid("a large new-energy plate has five digits before its energy letter", normalised);
                }
            }
            if (!isEnergyLetter(cps[7])) {
                throw invalid("a large new-energy plate ends with an energy letter (D, F, A-K)", normalised);
            }
            return PlateKind.LARGE_NEW_ENERGY;
        }
        throw invalid("an 8-character plate is a new-energy plate: its serial starts with an energy letter"
                + " (D, F, A-K) or is five digits and an energy letter", normalised);
    }

    private static boolean isEnergyLetter(int cp) {
        return PURE_ELECTRIC.indexOf(cp) >= 0 || OTHER_NEW_ENERGY.indexOf(cp) >= 0;
    }

    private static void requireSerialChar(int cp, String normalised) {
        if (!PlateText.isSerialChar(cp)) {
            throw invalid("plate serial characters are letters (no I, O) or digits", normalised);
        }
    }

    private static InvalidValueException invalid(String reason, String normalised) {
        String shown = normalised.isEmpty() ? "" : " (input " + PlateText.mask(normalised) + ")";
        return new InvalidValueException("plate", reason + shown);
    }

    /** The normalised plate, e.g. {@code 鲁B12345}. Personal data: do not log it. */
    public String value() {
        return value;
    }

    /** The province abbreviation, e.g. {@code 鲁}. */
    public String province() {
        return value.substring(0, 1);
    }

    /** The issuing-authority letter, e.g. {@code B} (Qingdao under 鲁). */
    public String issuingAuthority() {
        return value.substring(1, 2);
    }

    public PlateKind kind() {
        return kind;
    }

    public boolean isNewEnergy() {
        return kind.isNewEnergy();
    }

    /** Province, authority letter, a middle dot, asterisks, the last two characters: {@code 鲁B·***45}. */
    public String masked() {
        return PlateText.mask(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Plate plate && value.equals(plate.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The masked form; never the full plate. */
    @Override
    public String toString() {
        return masked();
    }
}
