-- Transactional outbox: events are written here in the same transaction as the change they describe;
-- OutboxRelay publishes them to Kafka in seq order and stamps published_at.
CREATE TABLE outbox_event (
    id           UUID         PRIMARY KEY,      -- the CloudEvents id
    seq          BIGSERIAL    NOT NULL UNIQUE,  -- insert order = publication order
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(200) NOT NULL,
    type         VARCHAR(200) NOT NULL,
    payload      TEXT         NOT NULL,         -- the structured-mode CloudEvent (JSON)
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;

-- Wakes the relay when a transaction that wrote events commits (NOTIFY is delivered on commit).
CREATE FUNCTION outbox_event_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('duban_outbox', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_inserted
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
