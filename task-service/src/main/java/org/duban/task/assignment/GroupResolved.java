package org.duban.task.assignment;

import java.util.List;

/**
 * Fired (synchronously, inside the changing transaction) when the office named the units of a group
 * assignment: what was set on the group (its open milestones) goes to each named unit's new assignment.
 */
public record GroupResolved(Assignment group, List<Assignment> named, String by) {
}
