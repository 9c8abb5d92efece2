package org.duban.task.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a plan sent as a Word document (.docx): the paragraphs before the first table are the
 * notice, the rows of every table are the task table (Word starts a new table after a section
 * break, and some offices paste one table per page). Table rows are numbered 1.. across all
 * tables; paragraphs by their position in the document.
 */
public final class PlanDocxReader {

    public PlanSource read(InputStream in) {
        byte[] bytes = ReadBytes.all(in);
        if (bytes.length == 0) {
            return PlanSource.empty();
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return read(document);
        } catch (IOException | RuntimeException e) {
            // POI signals a file that is no Word document with a variety of runtime exceptions
            throw new UnreadablePlanException("The file is not a readable Word document (.docx).", e);
        }
    }

    private static PlanSource read(XWPFDocument document) {
        List<PlanRow> preamble = new ArrayList<>();
        List<PlanRow> rows = new ArrayList<>();
        int paragraphNumber = 0;
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                paragraphNumber++;
                if (rows.isEmpty()) {
                    preamble.add(new PlanRow(paragraphNumber, List.of(paragraph.getText())));
                }
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    rows.add(new PlanRow(rows.size() + 1, row.getTableCells().stream().map(PlanDocxReader::text).toList()));
                }
            }
        }
        return new PlanSource(preamble, rows);
    }

    /** A cell's paragraphs belong to one sentence; Chinese needs no space to join them. */
    private static String text(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining());
    }
}
