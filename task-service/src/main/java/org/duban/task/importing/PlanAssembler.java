package org.duban.task.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a plan from the rows of any reader. Cells are recognised by what they hold, not by their
 * column, because extraction shifts them: the task number has its own cell or opens the
 * requirement cell, and a row whose first cells were merged can start one cell early. A row reads:
 * the category and subcategory (only where they change; carried down otherwise), the task number,
 * then the requirement, the responsibility (责任单位) and the deadline (时限要求) as its last three cells.
 */
public final class PlanAssembler {

    private static final Pattern CATEGORY = Pattern.compile("^([一二三四五六七八九十]{1,3})[、，,．.]\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern SUBCATEGORY =
            Pattern.compile("^[(（]\\s*([一二三四五六七八九十]{1,3})\\s*[)）]\\s*[、，,．.]?\\s*(.+)$", Pattern.DOTALL);
    /** A cell holding just the number, possibly spaced out by the extraction or followed by a dot. */
    private static final Pattern NUMBER_CELL = Pattern.compile("^[0-9]{1,4}[.、．]?$");
    /**
     * A requirement that opens with its number: {@code 6 围绕…}. The number must be set off, so that
     * a requirement opening with a figure ({@code 2021年以来…}) is not taken for task 2021.
     */
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^([0-9]{1,4})(?:\\s*[.、．]\\s*|\\s+)(\\S.*)$", Pattern.DOTALL);
    /** The repeated page header of the table. */
    private static final Set<String> HEADER_WORDS = Set.of("工作任务", "具体要求", "责任单位", "时限要求", "序号", "完成时限");
    /** Page numbers that PDF extraction leaves between rows: - 3 -, — 3 —, 第3页. */
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:[-—－–]+[0-9]+[-—－–]+|第[0-9]+页(?:共[0-9]+页)?)$");

    private final PlanMetadataReader metadataReader = new PlanMetadataReader();

    public ParsedPlan assemble(PlanSource source) {
        List<LineProblem> problems = new ArrayList<>();
        if (source.blank()) {
            problems.add(LineProblem.document("The document is empty."));
            return new ParsedPlan(PlanMetadata.NONE, List.of(), problems);
        }
        PlanMetadata metadata = metadataReader.read(source.preamble(), problems);
        int problemsBeforeRows = problems.size();
        List<ParsedTask> tasks = new RowReader(metadata, problems).read(source.rows());
        // rows that could not be read already say why there are no tasks
        if (tasks.isEmpty() && problems.size() == problemsBeforeRows) {
            problems.add(LineProblem.document(source.rows().isEmpty()
                    ? "No task table was found: a plan needs a table of numbered tasks with their requirement, "
                            + "responsible units (责任单位) and deadline (时限要求)."
                    : "No tasks were found: no row of the table has a task number with its requirement, "
                            + "responsible units (责任单位) and deadline (时限要求)."));
        }
        checkNumbering(tasks, problems);
        return new ParsedPlan(metadata, tasks, problems);
    }

    /** Reads rows in order, carrying the current headings down. */
    private static final class RowReader {

        private final PlanMetadata metadata;
        private final List<LineProblem> problems;
        private final List<ParsedTask> tasks = new ArrayList<>();
        private Heading category;
        private Heading subcategory;

        RowReader(PlanMetadata metadata, List<LineProblem> problems) {
            this.metadata = metadata;
            this.problems = problems;
        }

        List<ParsedTask> read(List<PlanRow> rows) {
            for (PlanRow row : rows) {
                List<String> cells = row.filledCells();
                if (!cells.isEmpty() && !skipped(cells)) {
                    read(row, cells);
                }
            }
            return tasks;
        }

        private boolean skipped(List<String> cells) {
            long headerCells = cells.stream().map(CellText::compact).filter(HEADER_WORDS::contains).count();
            if (headerCells >= 2) {
                return true;
            }
            // the plan's title or a page number, repeated on every page by some extractions
            String only = cells.size() == 1 ? CellText.compact(cells.get(0)) : null;
            return only != null && (PAGE_NUMBER.matcher(only).matches()
                    || metadata.title() != null && only.equals(CellText.compact(metadata.title())));
        }

        private void read(PlanRow row, List<String> cells) {
            int next = 0;
            while (next < cells.size() && heading(cells.get(next))) {
                next++;
            }
            if (next == cells.size()) {
                return; // a row of headings only
            }
            String first = cells.get(next);
            String compactFirst = CellText.compact(first);
            Integer number = null;
            List<String> texts = new ArrayList<>(cells.subList(next + 1, cells.size()));
            if (NUMBER_CELL.matcher(compactFirst).matches()) {
                number = Integer.parseInt(compactFirst.replaceAll("[^0-9]", ""));
            } else {
                Matcher prefixed = NUMBER_PREFIX.matcher(CellText.asciiDigits(first));
                if (prefixed.matches()) {
                    number = Integer.parseInt(prefixed.group(1));
                    texts.add(0, prefixed.group(2).strip());
                } else {
                    texts.add(0, first);
                }
            }
            if (number == null) {
                problems.add(LineProblem.at(row, "The row has no task number, so it cannot be read as a task."));
                return;
            }
            if (texts.size() != 3) {
                problems.add(LineProblem.at(row, cellCountReason(number, texts.size())));
                return;
            }
            if (category == null) {
                problems.add(LineProblem.at(row, "Task " + number + " comes before any category heading (一、…)."));
                return;
            }
            tasks.add(new ParsedTask(number, category, subcategory, texts.get(0), texts.get(1), texts.get(2), row.line()));
        }

        private static String cellCountReason(int number, int found) {
            return switch (found) {
                case 0 -> "Task " + number + " has no requirement, responsible units (责任单位) or deadline (时限要求).";
                case 1, 2 -> "Task " + number + " is missing a cell: a task needs its requirement, "
                        + "responsible units (责任单位) and deadline (时限要求); only " + found + " found.";
                default -> "Task " + number + " has " + found + " cells after its number; expected three: "
                        + "requirement, responsible units (责任单位) and deadline (时限要求).";
            };
        }

        /** Takes a heading cell into the carried state; false when the cell is no heading. */
        private boolean heading(String cell) {
            Matcher sub = SUBCATEGORY.matcher(cell);
            OptionalInt subOrdinal = sub.matches() ? ChineseNumeral.parse(sub.group(1)) : OptionalInt.empty();
            if (subOrdinal.isPresent()) {
                // the same subcategory repeated on a new page keeps its first spelling
                if (subcategory == null || subcategory.ordinal() != subOrdinal.getAsInt()) {
                    subcategory = new Heading(subOrdinal.getAsInt(), sub.group(2).strip());
                }
                return true;
            }
            Matcher cat = CATEGORY.matcher(cell);
            OptionalInt catOrdinal = cat.matches() ? ChineseNumeral.parse(cat.group(1)) : OptionalInt.empty();
            if (catOrdinal.isPresent()) {
                if (category == null || category.ordinal() != catOrdinal.getAsInt()) {
                    category = new Heading(catOrdinal.getAsInt(), cat.group(2).strip());
                    subcategory = null; // a new category starts without a subcategory until one is named
                }
                return true;
            }
            return false;
        }
    }

    /** Numbers must run 1..n in document order, each once. */
    private static void checkNumbering(List<ParsedTask> tasks, List<LineProblem> problems) {
        Set<Integer> present = tasks.stream().map(ParsedTask::number).collect(Collectors.toSet());
        Map<Integer, ParsedTask> seen = new HashMap<>();
        int highest = 0;
        for (ParsedTask task : tasks) {
            int number = task.number();
            ParsedTask earlier = seen.putIfAbsent(number, task);
            if (earlier != null) {
                problems.add(problem(task, "Task number " + number + " is used twice (first on line " + earlier.line() + ")."));
            } else if (number < highest) {
                problems.add(problem(task, "Task " + number + " comes after task " + highest + "; tasks must be numbered in order."));
            } else if (number > highest + 1) {
                Set<Integer> missing = new TreeSet<>();
                for (int n = highest + 1; n < number; n++) {
                    if (!present.contains(n)) {
                        missing.add(n);
                    }
                }
                if (!missing.isEmpty()) {
                    String jump = highest == 0
                            ? "Task numbers start at " + number + " instead of 1: "
                            : "Task numbers jump from " + highest + " to " + number + ": ";
                    problems.add(problem(task, jump + (missing.size() == 1 ? "task " : "tasks ")
                            + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + (missing.size() == 1 ? " is" : " are") + " missing."));
                }
            }
            highest = Math.max(highest, number);
        }
    }

    private static LineProblem problem(ParsedTask task, String reason) {
        return LineProblem.at(new PlanRow(task.line(), List.of(task.number() + " " + task.requirement())), reason);
    }
}
