package org.duban.unit.resolve;

/** A unit's part in a task: {@code LEAD} (牵头) coordinates the whole task, {@code RESPONSIBLE} (负责落实/配合) carries it out in its own area. */
public enum Role {
    LEAD, RESPONSIBLE
}
