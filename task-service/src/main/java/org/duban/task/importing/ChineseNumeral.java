package org.duban.task.domain;

import java.util.OptionalInt;

/** Reads the small Chinese numerals plans number their headings with: 一 … 十 … 九十九. */
final class ChineseNumeral {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumeral() {
    }

    /** The value of {@code 一}, {@code 两}, {@code 十二}, {@code 二十一}; empty for anything else. */
    static OptionalInt parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 3) {
            return OptionalInt.empty();
        }
        String numeral = text.replace('两', '二');
        int ten = numeral.indexOf('十');
        if (ten < 0) {
            return numeral.length() == 1 ? digit(numeral.charAt(0), false) : OptionalInt.empty();
        }
        if (numeral.indexOf('十', ten + 1) >= 0 || ten > 1) {
            return OptionalInt.empty();
        }
        OptionalInt tens = ten == 0 ? OptionalInt.of(1) : digit(numeral.charAt(0), false);
        OptionalInt units = ten == numeral.length() - 1 ? OptionalInt.of(0) : digit(numeral.charAt(ten + 1), true);
        if (tens.isEmpty() || units.isEmpty() || ten + 2 < numeral.length()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(tens.getAsInt() * 10 + units.getAsInt());
    }

    private static OptionalInt digit(char ch, boolean zeroAllowed) {
        int value = DIGITS.indexOf(ch);
        return value > 0 || (value == 0 && zeroAllowed) ? OptionalInt.of(value) : OptionalInt.empty();
    }
}
