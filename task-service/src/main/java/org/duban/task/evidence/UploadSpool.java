package org.duban.task.evidence;

import org.jboss.resteasy.reactive.common.headers.HeaderUtil;
import org.jboss.resteasy.reactive.common.util.CaseInsensitiveMap;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a {@code multipart/form-data} body as it streams in and writes its part {@code file} to a
 * temporary file, counting and hashing (SHA-256) on the way: only one buffer of it is ever in memory.
 * Past the limit it stops reading at once ({@link TooLarge}) and removes what it wrote. The parser is
 * Quarkus' own (the one its {@code @RestForm} uploads go through), fed here from the request stream so
 * that the limit is this route's and nothing reaches the disk before the caller was checked.
 */
final class UploadSpool implements MultipartParser.PartHandler {

    /** What arrived: the spooled file, the name the client gave it, its size and SHA-256 (hex). */
    record Received(Path file, String fileName, long size, String sha256) {
    }

    /** The file part grew past the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(null, null);
        }
    }

    /** The body is not a form with one part {@code file}, or it ended early. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    static final String PART = "file";
    /** Form fields besides the file are not used; this much of them is tolerated. */
    private static final int OTHER_PARTS_LIMIT = 64 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final long limit;
    private final Path file;
    private final FileChannel channel;
    private final MessageDigest digest;
    private boolean inFile;
    private boolean sawFile;
    private String fileName;
    private long size;
    private long otherBytes;

    private UploadSpool(Path file, long limit) throws IOException {
        this.file = file;
        this.limit = limit;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Spools the part {@code file} of {@code body} into a new file under {@code directory}. On any
     * failure the file is gone again.
     */
    static Received receive(InputStream body, String contentType, long limit, Path directory) throws IOException {
        String boundary = contentType == null ? null : HeaderUtil.extractQuotedValueFromHeader(contentType, "boundary");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data") || boundary == null) {
            throw new Malformed("The body must be multipart/form-data with a boundary and a part named 'file'");
        }
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "evidence-", ".upload");
        UploadSpool spool;
        try {
            spool = new UploadSpool(file, limit);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try (spool.channel) {
            MultipartParser.ParseState parser = MultipartParser.beginParse(spool, boundary.getBytes(StandardCharsets.US_ASCII),
                    StandardCharsets.UTF_8.name());
            byte[] buffer = new byte[BUFFER];
            int n;
            while (!parser.isComplete() && (n = body.read(buffer)) != -1) {
                parser.parse(ByteBuffer.wrap(buffer, 0, n));
            }
            if (!parser.isComplete()) {
                throw new Malformed("The form ended before its closing boundary (the upload broke off?)");
            }
            if (!spool.sawFile) {
                throw new Malformed("The form has no part named 'file'");
            }
            return new Received(file, spool.fileName, spool.size, HexFormat.of().formatHex(spool.digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public void beginPart(CaseInsensitiveMap<String> headers) {
        String disposition = headers.getFirst("Content-Disposition");
        String name = disposition == null ? null : HeaderUtil.extractQuotedValueFromHeader(disposition, "name");
        inFile = PART.equals(name) && !sawFile;
        if (inFile) {
            sawFile = true;
            fileName = HeaderUtil.extractQuotedValueFromHeaderWithEncoding(disposition, "filename");
        }
    }

    @Override
    public void data(ByteBuffer buffer) throws IOException {
        int length = buffer.remaining();
        if (!inFile) {
            otherBytes += length;
            if (otherBytes > OTHER_PARTS_LIMIT) {
                throw new Malformed("The form carries more than " + OTHER_PARTS_LIMIT + " bytes besides the part 'file'");
            }
            return;
        }
        size += length;
        if (size > limit) {
            throw new TooLarge();
        }
        digest.update(buffer.duplicate());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void endPart() {
        inFile = false;
    }
}
