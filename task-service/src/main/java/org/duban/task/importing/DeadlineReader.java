package org.duban.task.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deadline text (时限要求). Spaces and full-width digits are allowed anywhere; a text may
 * join several parts with {@code ，、；}.
 * <ul>
 * <li>{@code 年底前} → 31 December of the plan year; {@code 2023年底前} → of that year.</li>
 * <li>{@code 6月底前}, {@code 2023年6月底前} → the last day of that month.</li>
 * <li>{@code 6月30日前}, {@code 2023年6月30日前} → that date.</li>
 * <li>{@code 印发后一个月内}, {@code 两个月内}, {@code 3个月内} → that many months after the issue date.</li>
 * <li>{@code 持续推进}, {@code 长期坚持}, {@code 持续开展} → ongoing.</li>
 * </ul>
 * A text with one date and an ongoing marker ({@code 6月底前，持续推进}) is fixed on that date: the
 * date is the commitment the office checks, the marker says work goes on after it, which progress
 * reports cover anyway. Anything else — unknown words, two different dates, a date that does not
 * exist, a rule that needs a year or issue date we do not have — is ongoing and marked for review:
 * a guessed date would make tasks overdue that are not. A date before the issue date is kept but
 * marked for review, since a plan cannot ask for work finished before it was issued.
 */
public final class DeadlineReader {

    private static final Pattern PARTS = Pattern.compile("[，,、；;。/／]+");
    private static final String BEFORE = "(?:之?前)?(?:完成)?";
    private static final Pattern YEAR_END = Pattern.compile("^(?:([0-9]{4})年年?|年)底" + BEFORE + "$");
    private static final Pattern MONTH_END = Pattern.compile("^(?:([0-9]{4})年)?([0-9]{1,2})月[底末]" + BEFORE + "$");
    private static final Pattern DAY = Pattern.compile("^(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})[日号]" + BEFORE + "$");
    private static final Pattern MONTHS_AFTER_ISSUE =
            Pattern.compile("^(?:自?印发(?:后|之日起))?([0-9]{1,2}|[一二两三四五六七八九十]{1,2})个月内(?:完成)?$");
    private static final Set<String> ONGOING = Set.of("持续推进", "长期坚持", "持续开展");

    /**
     * @param issuedOn the plan's issue date; null when unknown
     * @param planYear the plan's year; 0 when unknown
     */
    public Deadline read(String text, LocalDate issuedOn, int planYear) {
        String original = text == null ? "" : CellText.clean(text);
        Set<LocalDate> dates = new LinkedHashSet<>();
        boolean ongoing = false;
        for (String part : PARTS.split(CellText.compact(original))) {
            if (part.isEmpty()) {
                continue;
            }
            if (ONGOING.contains(part)) {
                ongoing = true;
                continue;
            }
            Optional<LocalDate> date = date(part, issuedOn, planYear);
            if (date.isEmpty()) {
                return Deadline.unclear(original);
            }
            dates.add(date.get());
        }
        if (dates.size() == 1) {
            LocalDate due = dates.iterator().next();
            return Deadline.fixed(due, original, issuedOn != null && due.isBefore(issuedOn));
        }
        return dates.isEmpty() && ongoing ? Deadline.ongoing(original) : Deadline.unclear(original);
    }

    private static Optional<LocalDate> date(String part, LocalDate issuedOn, int planYear) {
        try {
            Matcher m = YEAR_END.matcher(part);
            if (m.matches()) {
                return year(m.group(1), planYear).map(year -> LocalDate.of(year, 12, 31));
            }
            m = MONTH_END.matcher(part);
            if (m.matches()) {
                int month = Integer.parseInt(m.group(2));
                return year(m.group(1), planYear).map(year -> YearMonth.of(year, month).atEndOfMonth());
            }
            m = DAY.matcher(part);
            if (m.matches()) {
                int month = Integer.parseInt(m.group(2));
                int day = Integer.parseInt(m.group(3));
                return year(m.group(1), planYear).map(year -> LocalDate.of(year, month, day));
            }
        } catch (DateTimeException noSuchDate) {
            return Optional.empty();
        }
        Matcher m = MONTHS_AFTER_ISSUE.matcher(part);
        if (m.matches() && issuedOn != null) {
            OptionalInt months = months(m.group(1));
            if (months.isPresent() && months.getAsInt() > 0) {
                return Optional.of(issuedOn.plusMonths(months.getAsInt()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> year(String written, int planYear) {
        if (written != null) {
            return Optional.of(Integer.parseInt(written));
        }
        return planYear > 0 ? Optional.of(planYear) : Optional.empty();
    }

    private static OptionalInt months(String count) {
        return Character.isDigit(count.charAt(0)) ? OptionalInt.of(Integer.parseInt(count)) : ChineseNumeral.parse(count);
    }
}
