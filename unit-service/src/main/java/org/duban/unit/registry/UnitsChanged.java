package org.duban.unit.registry;

/** Fired inside a transaction that changed the registry; observed after it commits. */
public record UnitsChanged(String code) {
}
