-- The OA sync feed's positions are now handed out after commit, by SyncSequencer, instead of inside
-- every writing transaction: a writer only inserts its change (position NULL) and no longer queues on
-- the sync_position row until its own commit is flushed. The sequencer, one at a time across replicas
-- (it locks sync_position briefly), numbers the committed changes that have no position yet, in
-- the order they were written, above every position given before; so a reader that continues after
-- position n still never misses a change: whatever commits later is numbered later.
CREATE SEQUENCE sync_change_id_seq;

ALTER TABLE sync_change DROP CONSTRAINT sync_change_pkey;
ALTER TABLE sync_change ADD COLUMN id BIGINT;
UPDATE sync_change SET id = position;
SELECT setval('sync_change_id_seq', COALESCE(max(id), 0) + 1, false) FROM sync_change;
ALTER TABLE sync_change ALTER COLUMN id SET DEFAULT nextval('sync_change_id_seq');
ALTER TABLE sync_change ALTER COLUMN id SET NOT NULL;
ALTER TABLE sync_change ADD PRIMARY KEY (id);
ALTER SEQUENCE sync_change_id_seq OWNED BY sync_change.id;

ALTER TABLE sync_change ALTER COLUMN position DROP NOT NULL;
CREATE UNIQUE INDEX sync_change_position ON sync_change (position);
CREATE INDEX sync_change_unsequenced ON sync_change (id) WHERE position IS NULL;
