package org.duban.task.evidence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Evidence in the service's own PostgreSQL, as rows of 1 MiB {@code bytea} chunks ({@code attachment_chunk}).
 * Chosen over large objects: the chunks are written in the upload's own transaction (a rollback takes
 * them along, nothing to unlink), a download reads one chunk per short query on a connection it
 * borrows and returns at once (a slow reader holds no transaction or connection open, which a large
 * object's descriptor would need), and memory stays at one chunk either way. The column is stored
 * uncompressed ({@code STORAGE EXTERNAL}): pdf, zip and Office files are compressed already.
 */
@ApplicationScoped
public class PostgresEvidenceStore implements EvidenceStore {

    static final String NAME = "postgres";
    static final int CHUNK = 1024 * 1024;

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    PostgresEvidenceStore(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean transactional() {
        return true;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(String key, Path content, long size, EvidenceType type) throws IOException {
        try (InputStream in = Files.newInputStream(content)) {
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO attachment_chunk (storage_key, seq, data) VALUES (?, ?, ?)")) {
                    byte[] chunk = new byte[CHUNK];
                    int seq = 0;
                    int n;
                    while ((n = in.readNBytes(chunk, 0, CHUNK)) > 0) {
                        insert.setString(1, key);
                        insert.setInt(2, seq++);
                        insert.setBytes(3, n == CHUNK ? chunk : Arrays.copyOf(chunk, n));
                        insert.executeUpdate();
                    }
                } catch (IOException e) {
                    throw new SQLException("cannot read the spooled upload", e);
                }
            });
        }
    }

    @Override
    public InputStream open(String key, long size) {
        return new ChunkStream(key, size);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(String key) {
        em.createNativeQuery("DELETE FROM attachment_chunk WHERE storage_key = ?1").setParameter(1, key).executeUpdate();
    }

    /** Reads the chunks one by one, each with its own short query. */
    private final class ChunkStream extends InputStream {
        private final String key;
        private final long size;
        private byte[] chunk = new byte[0];
        private int position;
        private int seq;
        private long delivered;

        ChunkStream(String key, long size) {
            this.key = key;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position == chunk.length) {
                if (delivered >= size) {
                    return -1;
                }
                chunk = fetch(seq++);
                position = 0;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            delivered += n;
            return n;
        }

        private byte[] fetch(int seq) throws IOException {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement select = c.prepareStatement("SELECT data FROM attachment_chunk WHERE storage_key = ? AND seq = ?")) {
                select.setString(1, key);
                select.setInt(2, seq);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new EOFException("evidence " + key + " ends after " + delivered + " of " + size + " bytes (deleted meanwhile?)");
                    }
                    byte[] data = rs.getBytes(1);
                    if (data.length == 0) {
                        throw new EOFException("evidence " + key + " has an empty chunk " + seq);
                    }
                    return data;
                }
            } catch (SQLException e) {
                throw new IOException("cannot read evidence " + key, e);
            }
        }
    }
}
