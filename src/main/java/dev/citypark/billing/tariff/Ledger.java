package dev.citypark.billing.tariff;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.LineKind;
import dev.citypark.billing.StayRequest;
import dev.citypark.core.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The running result of folding a tariff version's rules over a stay: the chargeable window, the priced units and
 * the lines the rules have written so far. Immutable; every rule returns a new ledger.
 *
 * <p>Invariant: the sum of {@link #lines()} equals {@link #netTotalFen()}. Charge lines show gross prices; every
 * adjustment line carries exactly the change it made to the units' net amounts, which
 * {@link #adjusted(List, List)} checks.
 *
 * @param stay        the stay being priced
 * @param chargeFrom  start of the chargeable window
 * @param chargeTo    end of the chargeable window
 * @param windowLines notes from the GRACE and WINDOW rules, in rule order
 * @param charges     priced units in time order
 * @param adjustments lines from the ADJUST rules, in rule order
 */
public record Ledger(StayRequest stay, Instant chargeFrom, Instant chargeTo, List<BreakdownLine> windowLines,
                     List<Charge> charges, List<BreakdownLine> adjustments) {

    public Ledger {
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(chargeFrom, "chargeFrom");
        Objects.requireNonNull(chargeTo, "chargeTo");
        windowLines = List.copyOf(windowLines);
        charges = List.copyOf(charges);
        adjustments = List.copyOf(adjustments);
        if (chargeTo.isBefore(chargeFrom)) {
            throw new IllegalArgumentException("chargeable window ends before it starts");
        }
    }

    /** The ledger before any rule: the whole stay is chargeable, nothing is priced. */
    public static Ledger start(StayRequest stay) {
        return new Ledger(stay, stay.entry(), stay.exit(), List.of(), List.of(), List.of());
    }

    /** A new chargeable window, with a note saying why (the note's amount must be zero). */
    public Ledger withWindow(Instant from, Instant to, BreakdownLine note) {
        if (!note.amount().isZero()) {
            throw new IllegalArgumentException("a window note carries no amount: " + note);
        }
        List<BreakdownLine> notes = new ArrayList<>(windowLines);
        notes.add(note);
        return new Ledger(stay, from, to, notes, charges, adjustments);
    }

    /** The priced units of the charging rule. */
    public Ledger withCharges(List<Charge> priced) {
        if (!charges.isEmpty()) {
            throw new IllegalStateException("the stay is already priced; a tariff version has one charging rule");
        }
        return new Ledger(stay, chargeFrom, chargeTo, windowLines, priced, adjustments);
    }

    /**
     * The units after an adjustment, with the lines that explain it; the lines must add up exactly to the change in
     * the net total.
     */
    public Ledger adjusted(List<Charge> newCharges, List<BreakdownLine> lines) {
        if (newCharges.size() != charges.size()) {
            throw new IllegalArgumentException("an adjustment keeps the units, it does not add or remove them");
        }
        long change = sumNet(newCharges) - netTotalFen();
        long explained = lines.stream().mapToLong(line -> line.amount().fen()).sum();
        if (change != explained) {
            throw new IllegalStateException("adjustment lines say " + explained + " fen but the units changed by "
                    + change + " fen: " + lines);
        }
        List<BreakdownLine> all = new ArrayList<>(adjustments);
        lines.stream().filter(line -> !line.amount().isZero()).forEach(all::add);
        return new Ledger(stay, chargeFrom, chargeTo, windowLines, newCharges, all);
    }

    /** Adjust with one line for the whole change, left out when nothing changed. */
    public Ledger adjusted(List<Charge> newCharges, String rule, LineKind kind, String descriptionEn,
                           String descriptionZh, Instant from, Instant to) {
        long change = sumNet(newCharges) - netTotalFen();
        return adjusted(newCharges, List.of(new BreakdownLine(rule, kind, descriptionEn, descriptionZh,
                Money.ofFen(change), from, to)));
    }

    public long netTotalFen() {
        return sumNet(charges);
    }

    /** All lines so far: window notes, charge lines (consecutive equal units grouped), adjustment lines. */
    public List<BreakdownLine> lines() {
        List<BreakdownLine> lines = new ArrayList<>(windowLines);
        int i = 0;
        while (i < charges.size()) {
            Charge first = charges.get(i);
            int j = i + 1;
            while (j < charges.size() && sameUnitPrice(charges.get(j - 1), charges.get(j))) {
                j++;
            }
            int count = j - i;
            lines.add(new BreakdownLine(first.rule(), LineKind.CHARGE,
                    first.labelEn() + " × " + count, first.labelZh() + " × " + count,
                    Money.ofFen(Math.multiplyExact(first.grossFen(), count)), first.from(), charges.get(j - 1).to()));
            i = j;
        }
        lines.addAll(adjustments);
        return lines;
    }

    private static boolean sameUnitPrice(Charge a, Charge b) {
        return a.rule().equals(b.rule()) && a.labelEn().equals(b.labelEn()) && a.grossFen() == b.grossFen()
                && a.to().equals(b.from());
    }

    private static long sumNet(List<Charge> list) {
        long sum = 0;
        for (Charge charge : list) {
            sum = Math.addExact(sum, charge.netFen());
        }
        return sum;
    }
}
