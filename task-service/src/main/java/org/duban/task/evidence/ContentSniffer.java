package org.duban.task.evidence;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells what a file is by its content (magic bytes, and the entries of a zip or an OLE2 compound
 * file), never by its name: pdf ({@code %PDF-}), jpg, png, doc/xls (OLE2 with a {@code WordDocument}
 * or {@code Workbook} stream), docx/xlsx (zips with {@code [Content_Types].xml} and {@code word/} or
 * {@code xl/}), ofd (a zip with {@code OFD.xml}) and other zips. Anything else — an executable renamed
 * to .pdf, a script, a text file — is {@link Refused}, with what it looked like.
 */
public final class ContentSniffer {

    /** A file of no allowed type; {@code what} says what it looked like. */
    public static final class Refused extends Exception {
        private final String what;

        Refused(String what) {
            super(what, null, false, false);
            this.what = what;
        }

        public String what() {
            return what;
        }
    }

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F'};
    private static final byte[] MZ = {'M', 'Z'};
    private static final byte[] SHEBANG = {'#', '!'};
    /** A zip listing more entries than this is not evidence anyone reads; refused unread. */
    static final int MAX_ZIP_ENTRIES = 50_000;

    private ContentSniffer() {
    }

    public static EvidenceType sniff(Path file) throws IOException, Refused {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (head.length == 0) {
            throw new Refused("an empty file");
        }
        if (startsWith(head, PDF)) {
            return EvidenceType.PDF;
        }
        if (startsWith(head, JPEG)) {
            return EvidenceType.JPEG;
        }
        if (startsWith(head, PNG)) {
            return EvidenceType.PNG;
        }
        if (startsWith(head, OLE2)) {
            return compoundFile(file);
        }
        if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
            return zip(file);
        }
        throw new Refused(describe(head));
    }

    /** doc or xls: an OLE2 compound file with Word's or Excel's main stream. */
    private static EvidenceType compoundFile(Path file) throws Refused {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("WordDocument")) {
                return EvidenceType.DOC;
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return EvidenceType.XLS;
            }
            if (root.hasEntry("EncryptedPackage")) {
                throw new Refused("a password-protected Office document, which nobody could open to check");
            }
            throw new Refused("an OLE2 compound file that is neither a Word nor an Excel document (an installer package, say)");
        } catch (IOException | RuntimeException e) {
            throw new Refused("a damaged OLE2 compound file");
        }
    }

    /** docx, xlsx, ofd or a plain zip, by the entries its central directory lists (nothing is unpacked). */
    private static EvidenceType zip(Path file) throws Refused {
        // entry names are only compared with ASCII ones: Latin-1 reads every name, also a GBK one from a Windows zip tool
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1)) {
            if (zip.size() > MAX_ZIP_ENTRIES) {
                throw new Refused("a zip archive of " + zip.size() + " entries (at most " + MAX_ZIP_ENTRIES + ")");
            }
            boolean contentTypes = false;
            boolean word = false;
            boolean excel = false;
            boolean ofd = false;
            boolean manifest = false;
            boolean classes = false;
            boolean dex = false;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                ofd |= name.equals("OFD.xml");
                manifest |= name.equals("META-INF/MANIFEST.MF");
                classes |= name.endsWith(".class");
                dex |= name.equals("classes.dex");
            }
            if (contentTypes && word) {
                return EvidenceType.DOCX;
            }
            if (contentTypes && excel) {
                return EvidenceType.XLSX;
            }
            if (contentTypes) {
                throw new Refused("an Office document other than Word or Excel (a presentation, say)");
            }
            if (ofd) {
                return EvidenceType.OFD;
            }
            if (dex) {
                throw new Refused("an Android application package");
            }
            if (manifest && classes) {
                throw new Refused("a Java archive (a program)");
            }
            return EvidenceType.ZIP;
        } catch (IOException | RuntimeException e) {
            throw new Refused("a damaged zip archive");
        }
    }

    static String describe(byte[] head) {
        if (startsWith(head, ELF)) {
            return "an ELF executable";
        }
        if (startsWith(head, MZ)) {
            return "a Windows executable (MZ)";
        }
        if (startsWith(head, SHEBANG)) {
            return "a script (#!)";
        }
        int magic = head.length < 4 ? 0 : (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
        if (magic == 0xFEEDFACE || magic == 0xFEEDFACF || magic == 0xCEFAEDFE || magic == 0xCFFAEDFE || magic == 0xCAFEBABE) {
            return "a Mach-O executable or Java class";
        }
        return "content of none of the allowed types";
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
