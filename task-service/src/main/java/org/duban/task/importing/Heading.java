package org.duban.task.domain;

/**
 * A category ({@code 一、…}) or subcategory ({@code （一）…}) heading of a plan.
 *
 * @param ordinal the heading's numeral: 一 → 1
 * @param title the heading's text without the numeral
 */
public record Heading(int ordinal, String title) {
}
