package org.duban.unit.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a responsibility text (责任单位) such as
 * {@code 省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实} into units and
 * groups with their roles.
 *
 * <ul>
 * <li>Names are separated by {@code 、，；} (ASCII {@code , ;} too). A role marker at the end of a
 * name ({@code 牵头} lead; {@code 负责落实}, {@code 负责}, {@code 落实}, {@code 配合} responsible)
 * closes the run of names before it; a run without a marker is responsible.</li>
 * <li>A separator inside brackets never splits, nor does a {@code 、} inside a 各… jurisdiction
 * ({@code 各市、县（市、区）政府} is one group).</li>
 * <li>{@code A、B等省有关单位}: A and B are named, the open remainder resolves as a group; an
 * open remainder that is no known group ({@code 等公共企事业单位行政主管部门}) becomes
 * {@value #OPEN_REMAINDER_GROUP}.</li>
 * <li>What follows a group's name is kept as its qualifier ({@code 各市、县（市、区）司法局}).</li>
 * <li>A name matching nothing is reported in {@link Resolution#unresolved()}, never dropped.</li>
 * </ul>
 *
 * Immutable and thread-safe; build a new one when the directory changes.
 */
public final class ResponsibilityParser {

    /** The vague group for any "…等…单位/部门" remainder that names no known group. */
    public static final String OPEN_REMAINDER_GROUP = "other-related-units";

    private static final String SEPARATORS = "、，；。";
    /** Characters a 各… jurisdiction is made of before its government or office is named. */
    private static final String LEVEL_CHARS = "市县区乡镇街道";
    private static final String[] OPEN_REMAINDER_ENDINGS = {"单位", "部门", "机构"};
    private static final String[] GOVERNMENT_ITSELF = {"政府", "人民政府"};
    /**
     * Words that straddle the end of a jurisdiction: 各市场监管部门 is about markets, not
     * 各市 + 场监管部门, so such a text is reported instead of guessed.
     */
    private static final String[] WORDS_ACROSS_JURISDICTION_END = {"市场", "市民", "市级", "县级", "区级", "县域", "区域"};

    private record Marker(String text, Role role) {
    }

    // Longest first: 负责落实 must win over 落实.
    private static final Marker[] MARKERS = {
            new Marker("牵头负责", Role.LEAD),
            new Marker("负责落实", Role.RESPONSIBLE),
            new Marker("牵头", Role.LEAD),
            new Marker("负责", Role.RESPONSIBLE),
            new Marker("落实", Role.RESPONSIBLE),
            new Marker("配合", Role.RESPONSIBLE),
    };

    private static final UnitDirectory.GroupStem[] NO_STEMS = {};

    private final UnitDirectory directory;
    /** Group stems by first character, longest first within each. */
    private final Map<Character, UnitDirectory.GroupStem[]> stemsByFirstChar;
    private final boolean openRemainderKnown;

    public ResponsibilityParser(UnitDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        Map<Character, List<UnitDirectory.GroupStem>> byChar = new HashMap<>();
        for (UnitDirectory.GroupStem stem : directory.groupStems()) {
            byChar.computeIfAbsent(stem.stem().charAt(0), c -> new ArrayList<>()).add(stem);
        }
        Map<Character, UnitDirectory.GroupStem[]> frozen = new HashMap<>();
        byChar.forEach((c, stems) -> frozen.put(c, stems.toArray(NO_STEMS)));
        this.stemsByFirstChar = Map.copyOf(frozen);
        this.openRemainderKnown = directory.containsGroup(OPEN_REMAINDER_GROUP);
    }

    /**
     * @throws IllegalArgumentException when the text is empty or holds nothing but whitespace and markup
     */
    public Resolution resolve(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the responsibility text is empty");
        }
        NameNormaliser.Cleaned cleaned = NameNormaliser.clean(text);
        if (cleaned.length() == 0) {
            throw new IllegalArgumentException("the responsibility text names nothing");
        }
        return new Reading(text, cleaned).read();
    }

    /** The state of reading one text. */
    private final class Reading {
        private final String original;
        private final char[] chars;
        private final int[] origin;
        private final int length;
        private final List<ResolvedEntry> entries = new ArrayList<>();
        private final List<String> unresolved = new ArrayList<>();
        /** Names read since the last role marker, as [start, end) pairs into {@link #chars}. */
        private final int[] pending;
        private int pendingCount;

        Reading(String original, NameNormaliser.Cleaned cleaned) {
            this.original = original;
            this.chars = cleaned.chars();
            this.origin = cleaned.origin();
            this.length = cleaned.length();
            this.pending = new int[2 * length];
        }

        Resolution read() {
            int depth = 0;
            int start = 0;
            boolean jurisdiction = false;
            for (int i = 0; i < length; i++) {
                char ch = chars[i];
                if (i == start) {
                    jurisdiction = ch == '各';
                }
                if (ch == '（') {
                    depth++;
                } else if (ch == '）') {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0) {
                    if (SEPARATORS.indexOf(ch) >= 0) {
                        // 各市、县: the 、 joins levels of one jurisdiction, it does not start a new name
                        boolean withinJurisdiction = ch == '、' && jurisdiction
                                && i + 1 < length && LEVEL_CHARS.indexOf(chars[i + 1]) >= 0;
                        if (!withinJurisdiction) {
                            piece(start, i);
                            start = i + 1;
                        }
                    } else if (i > start && LEVEL_CHARS.indexOf(ch) < 0) {
                        jurisdiction = false;
                    }
                }
            }
            piece(start, length);
            flush(Role.RESPONSIBLE);
            if (entries.isEmpty() && unresolved.isEmpty()) {
                unresolved.add(original.strip());
            }
            return new Resolution(entries, unresolved);
        }

        /** One name between separators, perhaps ending in role markers; empty pieces are skipped. */
        private void piece(int start, int end) {
            Role role = null;
            int nameEnd = end;
            boolean stripped = true;
            while (stripped) {
                stripped = false;
                for (Marker marker : MARKERS) {
                    if (endsWith(start, nameEnd, marker.text())) {
                        role = role == Role.LEAD ? Role.LEAD : marker.role();
                        nameEnd -= marker.text().length();
                        stripped = true;
                        break;
                    }
                }
            }
            if (nameEnd > start) {
                pending[2 * pendingCount] = start;
                pending[2 * pendingCount + 1] = nameEnd;
                pendingCount++;
            }
            if (role != null) {
                flush(role);
            }
        }

        private void flush(Role role) {
            for (int p = 0; p < pendingCount; p++) {
                name(pending[2 * p], pending[2 * p + 1], role);
            }
            pendingCount = 0;
        }

        private void name(int start, int end, Role role) {
            if (unit(start, end, role) || annotatedUnit(start, end, role)) {
                return;
            }
            int etc = topLevelIndexOf('等', start, end);
            if (etc >= 0) {
                if (etc > start && !unit(start, etc, role) && !group(start, etc, role)) {
                    unresolved.add(originalOf(start, etc));
                }
                openRemainder(etc, end, role);
                return;
            }
            if (!group(start, end, role)) {
                unresolved.add(originalOf(start, end));
            }
        }

        /** What follows 等: a known group (省有关单位), else any "…单位/部门" as the open remainder group. */
        private void openRemainder(int etc, int end, Role role) {
            int start = etc + 1;
            if (start < end && (unit(start, end, role) || group(start, end, role))) {
                return;
            }
            if (openRemainderKnown && (start == end || endsWithOpenRemainder(start, end))) {
                String text = start == end ? originalOf(etc, end) : originalOf(start, end);
                entries.add(ResolvedEntry.group(text, role, OPEN_REMAINDER_GROUP, null));
            } else {
                unresolved.add(originalOf(start == end ? etc : start, end));
            }
        }

        private boolean unit(int start, int end, Role role) {
            String code = directory.unitCode(new String(chars, start, end - start)).orElse(null);
            if (code == null) {
                return false;
            }
            entries.add(ResolvedEntry.unit(originalOf(start, end), role, code));
            return true;
        }

        /** 省政府办公厅（省政务公开办）: the unit, with the bracketed note as its qualifier. */
        private boolean annotatedUnit(int start, int end, Role role) {
            if (chars[end - 1] != '）') {
                return false;
            }
            int depth = 0;
            for (int i = end - 1; i > start; i--) {
                if (chars[i] == '）') {
                    depth++;
                } else if (chars[i] == '（' && --depth == 0) {
                    String code = directory.unitCode(new String(chars, start, i - start)).orElse(null);
                    if (code == null) {
                        return false;
                    }
                    String qualifier = new String(chars, i, end - i);
                    entries.add(new ResolvedEntry(originalOf(start, end), role, code, null, qualifier));
                    return true;
                }
            }
            return false;
        }

        private boolean group(int start, int end, Role role) {
            UnitDirectory.GroupStem[] stems = stemsByFirstChar.getOrDefault(chars[start], NO_STEMS);
            for (UnitDirectory.GroupStem stem : stems) {
                String s = stem.stem();
                if (s.length() <= end - start && startsWith(start, s)) {
                    String rest = new String(chars, start + s.length(), end - start - s.length());
                    if (!balanced(rest) || (stem.jurisdiction() && wordAcrossEnd(s, rest))) {
                        return false;
                    }
                    String qualifier = rest.isEmpty() || (stem.jurisdiction() && governmentItself(rest)) ? null : rest;
                    entries.add(ResolvedEntry.group(originalOf(start, end), role, stem.groupCode(), qualifier));
                    return true;
                }
            }
            return false;
        }

        private boolean balanced(String rest) {
            int depth = 0;
            for (int i = 0; i < rest.length(); i++) {
                char ch = rest.charAt(i);
                if (ch == '（') {
                    depth++;
                } else if (ch == '）' && --depth < 0) {
                    return false;
                }
            }
            return depth == 0;
        }

        private boolean wordAcrossEnd(String stem, String rest) {
            if (rest.isEmpty()) {
                return false;
            }
            char last = stem.charAt(stem.length() - 1);
            for (String word : WORDS_ACROSS_JURISDICTION_END) {
                if (word.charAt(0) == last && word.charAt(1) == rest.charAt(0)) {
                    return true;
                }
            }
            return false;
        }

        private boolean governmentItself(String rest) {
            for (String government : GOVERNMENT_ITSELF) {
                if (government.equals(rest)) {
                    return true;
                }
            }
            return false;
        }

        private boolean endsWithOpenRemainder(int start, int end) {
            for (String ending : OPEN_REMAINDER_ENDINGS) {
                if (endsWith(start, end, ending)) {
                    return true;
                }
            }
            return false;
        }

        private int topLevelIndexOf(char wanted, int start, int end) {
            int depth = 0;
            for (int i = start; i < end; i++) {
                char ch = chars[i];
                if (ch == '（') {
                    depth++;
                } else if (ch == '）') {
                    depth = Math.max(0, depth - 1);
                } else if (ch == wanted && depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private boolean startsWith(int start, String prefix) {
            for (int k = 0; k < prefix.length(); k++) {
                if (chars[start + k] != prefix.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private boolean endsWith(int start, int end, String suffix) {
            int from = end - suffix.length();
            if (from < start) {
                return false;
            }
            for (int k = 0; k < suffix.length(); k++) {
                if (chars[from + k] != suffix.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** The original text behind cleaned characters [start, end): brackets and spacing as the author wrote them. */
        private String originalOf(int start, int end) {
            return original.substring(origin[start], origin[end - 1] + 1);
        }
    }
}
