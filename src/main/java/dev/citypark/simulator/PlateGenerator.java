package dev.citypark.simulator;

import java.util.SplittableRandom;

import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.core.PlateKind;

/**
 * Realistic plates for Qingdao traffic: mostly 鲁B (Qingdao) and 鲁U (Qingdao's second series), some from elsewhere in
 * Shandong (鲁A Jinan, 鲁F Yantai, 鲁G Weifang, 鲁V Weifang, …) and a few from other provinces; a share of small
 * new-energy plates (green, 8 characters: 鲁BD12345, 鲁BF3A123 style) and a few yellow large-vehicle plates.
 * Every plate passes {@link Plate#of} (GA 36): serial letters never I or O.
 */
final class PlateGenerator {

    /** Serial letters of GA 36: A-Z without I and O. */
    static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String SHANDONG_OTHERS = "AFGHKLMNPQRSVY";
    private static final String PROVINCES = "京津沪冀豫苏浙皖辽黑吉晋陕川粤闽鄂湘";
    private static final String ENERGY = "DF";

    private final double newEnergyShare;
    private final double largeShare;

    PlateGenerator(double newEnergyShare, double largeShare) {
        this.newEnergyShare = newEnergyShare;
        this.largeShare = largeShare;
    }

    /** Qingdao's own mix: about a third new-energy among daily parkers, 3 % large vehicles. */
    static PlateGenerator qingdao() {
        return new PlateGenerator(0.30, 0.03);
    }

    /** A plate and its colour. */
    record Vehicle(Plate plate, PlateColour colour) {

        boolean newEnergy() {
            return plate.kind() == PlateKind.SMALL_NEW_ENERGY || plate.kind() == PlateKind.LARGE_NEW_ENERGY;
        }
    }

    Vehicle next(SplittableRandom random) {
        String prefix = prefix(random);
        double kind = random.nextDouble();
        if (kind < largeShare) {
            return new Vehicle(Plate.of(prefix + serial(random, 5, 0.6)), PlateColour.YELLOW);
        }
        if (kind < largeShare + newEnergyShare) {
            // small new-energy: energy letter, letter or digit, four digits
            String serial = ENERGY.charAt(random.nextInt(ENERGY.length())) + serial(random, 1, 0.3) + digits(random, 4);
            return new Vehicle(Plate.of(prefix + serial), PlateColour.GREEN);
        }
        return new Vehicle(Plate.of(prefix + serial(random, 5, 0.25)), PlateColour.BLUE);
    }

    private static String prefix(SplittableRandom random) {
        double p = random.nextDouble();
        if (p < 0.62) {
            return "鲁B";
        }
        if (p < 0.80) {
            return "鲁U";
        }
        if (p < 0.93) {
            return "鲁" + SHANDONG_OTHERS.charAt(random.nextInt(SHANDONG_OTHERS.length()));
        }
        return PROVINCES.charAt(random.nextInt(PROVINCES.length())) + String.valueOf(LETTERS.charAt(random.nextInt(12)));
    }

    /** {@code length} serial characters, each a letter with probability {@code letterShare}, else a digit. */
    private static String serial(SplittableRandom random, int length, double letterShare) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(random.nextDouble() < letterShare ? LETTERS.charAt(random.nextInt(LETTERS.length()))
                    : (char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String digits(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
