-- Calendar feeds (日历订阅) and the live inbox (GET /api/notifications/stream).

-- One secret feed URL per unit. Only the SHA-256 of its token is kept: whoever reads the database cannot
-- subscribe with it. Rotating replaces the row, so the old URL stops working at once.
CREATE TABLE calendar_feed (
    unit_code    VARCHAR(64)  PRIMARY KEY,
    token_sha256 BYTEA        NOT NULL UNIQUE,
    rotated_at   TIMESTAMPTZ  NOT NULL,
    rotated_by   VARCHAR(100) NOT NULL
);

-- The live inbox reads notifications by id, so ids must become visible in id order: a stream that has
-- passed id 41 must never meet a 40 committed later. Every statement that inserts notifications first takes
-- this transaction-scoped lock (released at commit, after the rows became visible), so the ids of one
-- transaction are drawn only once every earlier inserting transaction has committed or rolled back. Whoever
-- inserts (the engine, any replica, a future writer) gets this without knowing; keep such inserts late in
-- their transaction, as the engine does, since other inserters wait until it ends.
CREATE FUNCTION notification_in_commit_order() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7238800146672022630); -- 0x6475_6261_6e6e_7466: the notifications' order lock
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER notification_commit_order
    BEFORE INSERT ON notification
    FOR EACH STATEMENT EXECUTE FUNCTION notification_in_commit_order();

-- Wakes every replica's stream hub when a transaction that added notifications commits (NOTIFY is
-- delivered on commit; nothing on rollback).
CREATE FUNCTION notification_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('duban_notification', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER notification_inserted
    AFTER INSERT ON notification
    FOR EACH STATEMENT EXECUTE FUNCTION notification_notify();
