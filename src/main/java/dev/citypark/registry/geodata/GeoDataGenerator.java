package dev.citypark.registry.geodata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generates the reproducible model of Qingdao's parking into a geo-data folder: districts, operators, lots with
 * indoor garages and park-and-ride lots, on-street segments, guidance screens and a manifest. At scale 1.0 the city
 * has exactly {@value CityBuilder#CITY_SPACES} spaces; smaller scales give a small city of the same structure for
 * tests (scale 0.01: 3,000 spaces, one indoor garage). Same seed and scale give byte-identical files.
 * <p>
 * Command line: {@code GeoDataGenerator --seed 20221001 --out geo-data --scale 1.0}
 */
public final class GeoDataGenerator {

    /** The seed of the committed city in {@code geo-data/}. */
    public static final long DEFAULT_SEED = 20221001L;

    private GeoDataGenerator() {
    }

    /**
     * Generates the city and writes it into {@code outDir} (created if missing; stale indoor files removed).
     *
     * @return the city as written, with its manifest — equal to what {@link GeoDataReader#read(Path)} returns
     */
    public static GeoData generate(long seed, double scale, Path outDir) throws IOException {
        CityBuilder.City city = new CityBuilder(seed, scale).build();
        GeoDataManifest manifest = GeoDataWriter.write(city, seed, scale, outDir);
        return new GeoData(manifest, city.districts(), city.operators(), city.lots(), city.segments(),
                city.screens());
    }

    public static void main(String[] args) throws IOException {
        long seed = DEFAULT_SEED;
        double scale = 1.0;
        Path out = Path.of("geo-data");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + arg);
            }
            switch (arg) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> usage("unknown option " + arg);
            }
        }
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "Generating Qingdao geo-data: seed %d, scale %s, into %s%n", seed, scale,
                out.toAbsolutePath());
        GeoData data = generate(seed, scale, out);
        GeoDataManifest m = data.manifest();
        System.out.printf(Locale.ROOT, "%d districts, %d operators, %d lots (%d indoor garages, %d indoor bays), "
                        + "%d segments (%d bays), %d screens%n", m.districts(), m.operators(), m.lots(),
                m.indoorGarages(), m.indoorBays(), m.segments(), m.onStreetBays(), m.screens());
        System.out.printf(Locale.ROOT, "%d spaces: %d on-street, %d off-street%n", m.totalSpaces(),
                m.onStreetSpaces(), m.offStreetSpaces());
        long bytes = m.files().stream().mapToLong(GeoDataManifest.FileChecksum::bytes).sum();
        System.out.printf(Locale.ROOT, "%d files, %.1f MB, in %.1f s%n", m.files().size() + 1, bytes / 1e6,
                (System.nanoTime() - started) / 1e9);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: GeoDataGenerator [--seed N] [--scale 0<S<=1] [--out DIR]");
        System.exit(2);
    }
}
