package org.duban.unit.resolve;

import java.util.Objects;

/**
 * One unit or group a responsibility text names, with its role.
 *
 * @param text      the piece of the original text this entry came from
 * @param unitCode  set when a single unit is named
 * @param groupCode set when a group is named (exactly one of unitCode and groupCode is set)
 * @param qualifier what part of each member is meant (司法局, 政府办公室（政府网站主管部门）); {@code null} for none
 */
public record ResolvedEntry(String text, Role role, String unitCode, String groupCode, String qualifier) {

    public ResolvedEntry {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(role, "role");
        if ((unitCode == null) == (groupCode == null)) {
            throw new IllegalArgumentException("exactly one of unitCode and groupCode must be set");
        }
    }

    public static ResolvedEntry unit(String text, Role role, String unitCode) {
        return new ResolvedEntry(text, role, unitCode, null, null);
    }

    public static ResolvedEntry group(String text, Role role, String groupCode, String qualifier) {
        return new ResolvedEntry(text, role, null, groupCode, qualifier);
    }
}
