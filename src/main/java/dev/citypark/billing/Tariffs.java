package dev.citypark.billing;

import dev.citypark.billing.tariff.TariffFileReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded tariffs, by id. Load them from {@code geo-data/tariffs.json} with {@link #load(Path)}. Immutable and
 * thread-safe.
 *
 * <h2>File format (formatVersion 1)</h2>
 * <pre>{@code
 * {"formatVersion": 1,
 *  "note": "free text",
 *  "tariffs": [
 *   {"id": "QD-T1-CORE", "name": "市南/市北 路外 一类", "description": "free text",
 *    "versions": [
 *     {"effectiveFrom": "2024-01-01",
 *      "rules": [
 *        {"type": "PostPaymentGrace", "minutes": 15},
 *        {"type": "FreeMinutes", "minutes": 30, "mode": "SHORT_STAY_ONLY"},
 *        {"type": "DayNightBands", "dayStart": "07:00", "dayEnd": "21:00",
 *         "day": {"type": "FirstHourThenHourly", "firstHourFen": 500, "laterHourFen": 300},
 *         "night": {"type": "UnitRate", "unitMinutes": 60, "unitPriceFen": 100}},
 *        {"type": "DailyCap", "capFen": 4000, "period": "ROLLING_24H"},
 *        {"type": "LargeVehicleMultiplier", "percent": 200}]}]}]}
 * }</pre>
 * Amounts are integer fen, durations integer minutes, times {@code HH:mm} and dates {@code yyyy-MM-dd} in
 * Asia/Shanghai. Every field shown is required; unknown fields and rule types are refused. Rule types:
 * {@code UnitRate}, {@code FirstHourThenHourly}, {@code TieredUnitRate}, {@code FlatRate}, {@code DayNightBands}
 * (exactly one of these five per version), {@code FreeMinutes}, {@code PostPaymentGrace}, {@code DailyCap},
 * {@code StayCap}, {@code LargeVehicleMultiplier}, {@code NewEnergyDiscount}, {@code NewEnergyFreePeriod},
 * {@code MonthlyPassFree}; see the classes of the same names in {@code dev.citypark.billing.tariff}.
 */
public final class Tariffs {

    private final Map<TariffId, Tariff> byId;
    private final List<Tariff> sorted;

    /** @throws TariffFormatException when two tariffs share an id */
    public Tariffs(List<Tariff> tariffs) {
        Map<TariffId, Tariff> map = new LinkedHashMap<>();
        tariffs.stream().sorted(Comparator.comparing(tariff -> tariff.id().value())).forEach(tariff -> {
            if (map.putIfAbsent(tariff.id(), tariff) != null) {
                throw new TariffFormatException("tariff '" + tariff.id() + "' is defined twice");
            }
        });
        this.byId = Map.copyOf(map);
        this.sorted = List.copyOf(map.values());
    }

    /**
     * Loads a tariff file.
     *
     * @throws TariffFormatException when the file is not a valid tariff file
     * @throws UncheckedIOException  when it cannot be read
     */
    public static Tariffs load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tariff file " + file, e);
        }
    }

    /**
     * Loads a tariff file from a stream (not closed here).
     *
     * @param source how to name the input in error messages
     * @throws TariffFormatException when the input is not a valid tariff file
     */
    public static Tariffs load(InputStream in, String source) {
        return new Tariffs(TariffFileReader.read(in, source));
    }

    /** @throws UnknownTariffException when no tariff has this id */
    public Tariff getTariff(TariffId id) {
        return findTariff(id).orElseThrow(() -> new UnknownTariffException(id));
    }

    public Optional<Tariff> findTariff(TariffId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All tariffs, ordered by id. */
    public List<Tariff> listTariffs() {
        return sorted;
    }

    /**
     * Prices a stay under the tariff with this id.
     *
     * @throws UnknownTariffException when no tariff has this id
     */
    public Quote quote(TariffId id, StayRequest stay) {
        return getTariff(id).quote(stay);
    }
}
