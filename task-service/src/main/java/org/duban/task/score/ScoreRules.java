package org.duban.task.score;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a unit's counts become a score of 0–100 and a rank. Four parts, each a rate from 0 to 1 times its weight:
 * <pre>
 * completion  = completedOnTime / fellDue                          (1 when nothing fell due)
 * overdue     = 1 − cappedOverdueDays / (overdueDaysCap × fellDue)  (1 when nothing fell due)
 * acknowledge = acknowledgedOnTime / acknowledgeDue                 (1 when no window is over)
 * reports     = reportsOnTime / reportsDue                          (1 when no period is over)
 * score       = Σ weight × rate, rounded half up to one decimal
 * </pre>
 * The sum is taken as an exact fraction and rounded once, so a score never depends on the order of the parts.
 * Units are ranked by score, highest first; equal scores share a rank (1, 2, 2, 4); among equals the one with fewer
 * overdue days is listed first, then by unit code.
 */
public final class ScoreRules {

    private ScoreRules() {
    }

    /** One part of a score: its weight, the rate reached (4 decimals), the points it gives (2 decimals) and why. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ScorePart")
    public record Part(String name, int weight, BigDecimal rate, BigDecimal points, String basis) {
    }

    /** A unit's score and how it came about. */
    public record Score(BigDecimal score, List<Part> parts) {
    }

    public static Score score(UnitTally t, Weights w, int overdueDaysCap) {
        long possibleDays = t.fellDue() * overdueDaysCap;
        List<Rated> rated = List.of(
                new Rated("completion", w.completion(), Fraction.orOne(t.completedOnTime(), t.fellDue()),
                        "按时办结" + t.completedOnTime() + "项，应办结" + t.fellDue() + "项"),
                new Rated("overdue", w.overdue(), Fraction.orOne(possibleDays - t.cappedOverdueDays(), possibleDays),
                        "累计逾期" + t.overdueDays() + "天（单项按" + overdueDaysCap + "天封顶计" + t.cappedOverdueDays()
                                + "天），应办结" + t.fellDue() + "项"),
                new Rated("acknowledge", w.acknowledge(), Fraction.orOne(t.acknowledgedOnTime(), t.acknowledgeDue()),
                        "按时签收" + t.acknowledgedOnTime() + "项，应签收" + t.acknowledgeDue() + "项"),
                new Rated("reports", w.reports(), Fraction.orOne(t.reportsOnTime(), t.reportsDue()),
                        "按期报送进展" + t.reportsOnTime() + "期，应报送" + t.reportsDue() + "期"));
        List<Part> parts = new ArrayList<>();
        Fraction total = Fraction.ZERO;
        for (Rated r : rated) {
            Fraction points = r.rate().times(r.weight());
            total = total.plus(points);
            parts.add(new Part(r.name(), r.weight(), r.rate().round(4), points.round(2), r.basis()));
        }
        return new Score(total.round(1), parts);
    }

    private record Rated(String name, int weight, Fraction rate, String basis) {
    }

    /** A scored unit, ready to be ranked. */
    public record Scored<T>(T unit, BigDecimal score, long overdueDays, String unitCode) {
    }

    /** Ranked: the list in rank order with each one's rank (competition ranking: equal scores share one). */
    public record Ranked<T>(T unit, int rank) {
    }

    public static <T> List<Ranked<T>> rank(List<Scored<T>> units) {
        List<Scored<T>> order = new ArrayList<>(units);
        order.sort(Comparator.comparing((Scored<T> s) -> s.score()).reversed()
                .thenComparingLong(Scored::overdueDays).thenComparing(Scored::unitCode));
        List<Ranked<T>> ranked = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            int rank = i > 0 && order.get(i).score().compareTo(order.get(i - 1).score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked<>(order.get(i).unit(), rank));
        }
        return ranked;
    }

    /** An exact non-negative fraction, so that rounding happens once. */
    record Fraction(BigInteger numerator, BigInteger denominator) {

        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

        static Fraction orOne(long numerator, long denominator) {
            return denominator <= 0 ? new Fraction(BigInteger.ONE, BigInteger.ONE)
                    : new Fraction(BigInteger.valueOf(Math.max(0, numerator)), BigInteger.valueOf(denominator));
        }

        Fraction times(long factor) {
            return new Fraction(numerator.multiply(BigInteger.valueOf(factor)), denominator);
        }

        Fraction plus(Fraction other) {
            return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                    denominator.multiply(other.denominator));
        }

        BigDecimal round(int scale) {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
        }
    }
}
