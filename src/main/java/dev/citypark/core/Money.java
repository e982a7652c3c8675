package dev.citypark.core;

/**
 * An amount of Chinese yuan in fen (1/100 yuan). Money is never a floating-point number in citypark.
 *
 * @param fen the amount in fen; may be negative for discounts and refunds in a breakdown
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Whole yuan, e.g. {@code Money.ofYuan(200)} is ¥200.00. */
    public static Money ofYuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** Human form, e.g. {@code ¥12.50} or {@code -¥0.50}; correct for every long, {@code Long.MIN_VALUE} included. */
    @Override
    public String toString() {
        // split before taking absolute values: Math.abs(Long.MIN_VALUE) is still negative
        long yuan = Math.abs(fen / 100);
        long cents = Math.abs(fen % 100);
        return (fen < 0 ? "-" : "") + "¥" + yuan + "." + (cents < 10 ? "0" : "") + cents;
    }
}
