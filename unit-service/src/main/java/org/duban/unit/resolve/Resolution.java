package org.duban.unit.resolve;

import java.util.List;

/**
 * What a responsibility text resolved to, in text order.
 *
 * @param unresolved pieces of the original text that match no unit or group, reported rather than dropped
 */
public record Resolution(List<ResolvedEntry> entries, List<String> unresolved) {

    public Resolution {
        entries = List.copyOf(entries);
        unresolved = List.copyOf(unresolved);
    }

    public boolean complete() {
        return unresolved.isEmpty();
    }
}
