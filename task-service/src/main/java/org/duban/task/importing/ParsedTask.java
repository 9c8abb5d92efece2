package org.duban.task.domain;

/**
 * One numbered task as the plan writes it; units and deadlines are read from the texts later.
 *
 * @param subcategory null when the category has no subcategories
 * @param line where the task's row is in the document
 */
public record ParsedTask(int number, Heading category, Heading subcategory, String requirement,
        String responsibilityText, String deadlineText, int line) {
}
