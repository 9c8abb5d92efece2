package org.duban.reminder.replica;

/** A unit as the replica knows it: its code and name ({@code name} may be missing on an assignment's copy). */
public record Unit(String code, String name) {
}
