package org.duban.unit.resolve;

import org.duban.unit.group.GroupRecord;
import org.duban.unit.registry.UnitRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Hash lookup for unit names, a longest-first list for group stems. Immutable once built. */
final class InMemoryUnitDirectory implements UnitDirectory {

    private static final String PROVINCE = "安徽省";
    private static final String PROVINCE_SHORT = "省";

    // When two units claim the same name, the one naming it more officially wins.
    private static final int OFFICIAL = 0;
    private static final int SHORT = 1;
    private static final int ALIAS = 2;
    private static final int DERIVED = 3;

    private final Map<String, String> unitCodes;
    private final Set<String> ambiguous;
    private final List<GroupStem> stems;
    private final Set<String> groupCodes;

    private InMemoryUnitDirectory(Map<String, String> unitCodes, Set<String> ambiguous,
                                  List<GroupStem> stems, Set<String> groupCodes) {
        this.unitCodes = unitCodes;
        this.ambiguous = ambiguous;
        this.stems = stems;
        this.groupCodes = groupCodes;
    }

    static InMemoryUnitDirectory build(List<UnitRecord> units, List<GroupRecord> groups) {
        Map<String, Claim> claims = new HashMap<>();
        Set<String> unitCodesSeen = new HashSet<>();
        for (UnitRecord unit : units) {
            if (!unitCodesSeen.add(unit.code())) {
                throw new IllegalArgumentException("duplicate unit code " + unit.code());
            }
            claim(claims, unit.name(), unit.code(), OFFICIAL);
            claim(claims, unit.shortName(), unit.code(), SHORT);
            for (String alias : unit.aliases()) {
                claim(claims, alias, unit.code(), ALIAS);
            }
        }
        Map<String, String> codes = new HashMap<>();
        Set<String> ambiguous = new TreeSet<>();
        claims.forEach((name, claim) -> {
            if (claim.ambiguous) {
                ambiguous.add(name);
            } else {
                codes.put(name, claim.code);
            }
        });

        Map<String, GroupStem> stemsByText = new HashMap<>();
        Set<String> groupCodes = new HashSet<>();
        for (GroupRecord group : groups) {
            if (!groupCodes.add(group.code())) {
                throw new IllegalArgumentException("duplicate group code " + group.code());
            }
            List<String> names = new ArrayList<>();
            names.add(group.name());
            names.addAll(group.aliases());
            for (String name : names) {
                GroupStem stem = stemOf(NameNormaliser.normalise(name), group.code());
                if (stem.stem().isEmpty()) {
                    continue;
                }
                GroupStem existing = stemsByText.putIfAbsent(stem.stem(), stem);
                if (existing != null && !existing.groupCode().equals(group.code())) {
                    throw new IllegalArgumentException("groups " + existing.groupCode() + " and "
                            + group.code() + " both use the name " + name);
                }
            }
        }
        List<GroupStem> stems = new ArrayList<>(stemsByText.values());
        stems.sort(Comparator.comparingInt((GroupStem s) -> s.stem().length()).reversed()
                .thenComparing(GroupStem::stem));
        return new InMemoryUnitDirectory(Map.copyOf(codes), Set.copyOf(ambiguous), List.copyOf(stems),
                Set.copyOf(groupCodes));
    }

    /** 各市、县（市、区）政府 → the jurisdiction 各市、县（市、区）, so that 各市、县（市、区）司法局 finds it too. */
    private static GroupStem stemOf(String name, String groupCode) {
        for (String government : new String[] {"人民政府", "政府"}) {
            if (name.endsWith(government) && name.length() - government.length() >= 2) {
                return new GroupStem(name.substring(0, name.length() - government.length()), groupCode, true);
            }
        }
        return new GroupStem(name, groupCode, false);
    }

    /** A name and its provincial variant: 安徽省应急管理厅 is also written 省应急管理厅, and 省发展改革委 安徽省发展改革委. */
    private static void claim(Map<String, Claim> claims, String rawName, String code, int priority) {
        String name = NameNormaliser.normalise(rawName);
        if (name.isEmpty()) {
            return;
        }
        claimOne(claims, name, code, priority);
        if (name.startsWith(PROVINCE) && name.length() > PROVINCE.length()) {
            claimOne(claims, PROVINCE_SHORT + name.substring(PROVINCE.length()), code, DERIVED);
        } else if (name.startsWith(PROVINCE_SHORT) && name.length() > PROVINCE_SHORT.length()) {
            claimOne(claims, "安徽" + name, code, DERIVED);
        }
    }

    private static void claimOne(Map<String, Claim> claims, String name, String code, int priority) {
        Claim existing = claims.get(name);
        if (existing == null || priority < existing.priority) {
            claims.put(name, new Claim(code, priority, false));
        } else if (priority == existing.priority && !existing.code.equals(code)) {
            claims.put(name, new Claim(existing.code, priority, true));
        }
    }

    private record Claim(String code, int priority, boolean ambiguous) {
    }

    @Override
    public Optional<String> unitCode(String normalisedName) {
        return Optional.ofNullable(unitCodes.get(normalisedName));
    }

    @Override
    public List<GroupStem> groupStems() {
        return stems;
    }

    @Override
    public boolean containsGroup(String groupCode) {
        return groupCodes.contains(groupCode);
    }

    @Override
    public Set<String> ambiguousNames() {
        return ambiguous;
    }
}
