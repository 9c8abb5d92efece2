package org.duban.unit.service;

/** Fired inside a transaction that changed the registry; observed after it commits. */
public record UnitsChanged(String code) {
}
