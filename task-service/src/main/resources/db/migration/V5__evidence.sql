-- Evidence files (佐证材料) of assignments. The row says which store holds the content: 'postgres'
-- (attachment_chunk below) or 's3' (one object per file under the configured prefix).
CREATE TABLE attachment (
    id               BIGSERIAL    PRIMARY KEY,
    assignment_id    BIGINT       NOT NULL REFERENCES assignment (id),
    file_name        VARCHAR(200) NOT NULL,
    content_type     VARCHAR(100) NOT NULL,   -- found from the content, never the client's claim
    size             BIGINT       NOT NULL,
    sha256           CHAR(64)     NOT NULL,
    storage          VARCHAR(16)  NOT NULL,
    storage_key      VARCHAR(200) NOT NULL,
    uploaded_by      VARCHAR(100) NOT NULL,
    uploaded_by_unit VARCHAR(40),             -- null when the office uploaded it
    uploaded_at      TIMESTAMPTZ  NOT NULL,
    cited_at         TIMESTAMPTZ              -- first cited by a report, a status change or a milestone: kept from then on
);
CREATE UNIQUE INDEX attachment_storage_key ON attachment (storage, storage_key);
CREATE INDEX attachment_assignment ON attachment (assignment_id, id);

-- The content of files kept in PostgreSQL: 1 MiB chunks, written in the upload's transaction and read
-- one per query. Not compressed again: pdf, zip, Office files and images are compressed already.
CREATE TABLE attachment_chunk (
    storage_key VARCHAR(200) NOT NULL,
    seq         INT          NOT NULL,
    data        BYTEA        NOT NULL,
    PRIMARY KEY (storage_key, seq)
);
ALTER TABLE attachment_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- Which files a history entry (a progress report, a status change) cites.
CREATE TABLE assignment_history_attachment (
    history_id    BIGINT NOT NULL REFERENCES assignment_history (id),
    attachment_id BIGINT NOT NULL REFERENCES attachment (id),
    position      INT    NOT NULL,
    PRIMARY KEY (history_id, attachment_id)
);
CREATE INDEX assignment_history_attachment_file ON assignment_history_attachment (attachment_id);
