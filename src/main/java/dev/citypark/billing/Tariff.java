package dev.citypark.billing;

import dev.citypark.billing.tariff.Ledger;
import dev.citypark.billing.tariff.TariffVersion;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named tariff: one or more dated versions of pricing rules. A stay is priced by the version in force at its entry
 * (the latest version whose effective-from date, at 00:00 Asia/Shanghai, is not after the entry). Immutable and
 * thread-safe.
 */
public final class Tariff {

    /** The zone of every local-time rule and of effective-from dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final TariffId id;
    private final String name;
    private final String description;
    private final List<TariffVersion> versions;

    /**
     * @param versions at least one, with distinct effective-from dates (any order; kept sorted by date)
     */
    public Tariff(TariffId id, String name, String description, List<TariffVersion> versions) {
        this.id = Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "tariff " + id + " needs a name");
        }
        this.name = name;
        this.description = description == null ? "" : description;
        if (versions == null || versions.isEmpty()) {
            throw new InvalidValueException("versions", "tariff " + id + " needs at least one version");
        }
        List<TariffVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(TariffVersion::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).effectiveFrom().equals(sorted.get(i - 1).effectiveFrom())) {
                throw new InvalidValueException("versions", "tariff " + id + " has two versions effective from "
                        + sorted.get(i).effectiveFrom());
            }
        }
        this.versions = List.copyOf(sorted);
    }

    public TariffId id() {
        return id;
    }

    /** Operator-facing name, e.g. {@code 市南/市北 路外 一类}. */
    public String name() {
        return name;
    }

    /** Free-text description (may be empty). */
    public String description() {
        return description;
    }

    /** The effective-from dates of all versions, oldest first. */
    public List<LocalDate> listVersionDates() {
        return versions.stream().map(TariffVersion::effectiveFrom).toList();
    }

    /** The effective-from date of the version in force at {@code at}, if any version is. */
    public Optional<LocalDate> findVersionInForceAt(Instant at) {
        return findVersion(at).map(TariffVersion::effectiveFrom);
    }

    /**
     * Prices a stay.
     *
     * <p>The total is the stay's fee under the version in force at entry, less what the driver already paid (credited
     * up to the fee; an overpayment is not refunded here). The breakdown lines sum exactly to the total.
     *
     * @throws InvalidValueException with field {@code entry} when no version is in force at the entry
     */
    public Quote quote(StayRequest stay) {
        Objects.requireNonNull(stay, "stay");
        TariffVersion version = findVersion(stay.entry()).orElseThrow(() -> new InvalidValueException("entry",
                "tariff " + id + " has no version in force at " + stay.entry() + "; its first version is effective from "
                        + versions.get(0).effectiveFrom()));
        Ledger ledger = version.fold(stay);
        List<BreakdownLine> lines = new ArrayList<>(ledger.lines());
        long fee = ledger.netTotalFen();
        long total = fee;
        if (!stay.alreadyPaid().isZero()) {
            long credit = Math.min(stay.alreadyPaid().fen(), fee);
            String en = "Already paid " + stay.alreadyPaid();
            String zh = "已付" + stay.alreadyPaid();
            if (credit < stay.alreadyPaid().fen()) {
                en += " (" + Money.ofFen(credit) + " credited; the rest is not refunded by this quote)";
                zh += "(抵扣" + Money.ofFen(credit) + ")";
            }
            lines.add(new BreakdownLine("AlreadyPaid", LineKind.PAYMENT, en, zh, Money.ofFen(-credit),
                    stay.entry(), stay.paidAt().orElse(stay.exit())));
            total = fee - credit;
        }
        return new Quote(Money.ofFen(total), lines, id, version.effectiveFrom());
    }

    private Optional<TariffVersion> findVersion(Instant at) {
        LocalDate localDate = at.atZone(ZONE).toLocalDate();
        TariffVersion found = null;
        for (TariffVersion version : versions) {
            if (!version.effectiveFrom().isAfter(localDate)) {
                found = version;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public String toString() {
        return "Tariff[" + id + " " + name + ", versions " + listVersionDates() + "]";
    }
}
