package org.duban.unit.resolve;

import org.duban.unit.group.GroupRecord;
import org.duban.unit.registry.UnitRecord;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@link ResponsibilityParser} needs to know about the registry. Lookups take
 * names already passed through {@link NameNormaliser}.
 */
public interface UnitDirectory {

    /** The unit a name, short name or alias stands for; empty when unknown or ambiguous. */
    Optional<String> unitCode(String normalisedName);

    /** Every group stem, longest first, so the first one a text starts with is the best match. */
    List<GroupStem> groupStems();

    boolean containsGroup(String groupCode);

    /** Names that two units of equal standing both claim; they resolve to nothing until fixed. */
    Set<String> ambiguousNames();

    /**
     * The start of a text that names a group; whatever follows it is the qualifier.
     *
     * @param jurisdiction the stem is a bare jurisdiction (各市、县（市、区）) cut from a name that
     *                     ends in 政府: a rest of only 政府 or 人民政府 means the governments
     *                     themselves, any other rest (司法局, 政府办公室) is the qualifier as written
     */
    record GroupStem(String stem, String groupCode, boolean jurisdiction) {
    }

    /** An in-memory index over the given records; cheap enough to rebuild whenever units change. */
    static UnitDirectory of(List<UnitRecord> units, List<GroupRecord> groups) {
        return InMemoryUnitDirectory.build(units, groups);
    }
}
