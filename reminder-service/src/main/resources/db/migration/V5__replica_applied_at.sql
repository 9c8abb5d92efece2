-- When the replica last applied an event to the row (the database clock at the upsert): with the
-- event's own time this gives how long a change took to reach reminder-service (./duban bench events).
ALTER TABLE assignment_copy ADD COLUMN applied_at TIMESTAMPTZ;
