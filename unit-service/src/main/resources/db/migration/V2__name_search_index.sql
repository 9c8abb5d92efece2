-- Substring search over names (q=发展改革) stays index-backed as the registry grows.
-- pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX unit_name_trgm ON unit_name USING gin (lower(name) gin_trgm_ops);
CREATE INDEX unit_code_trgm ON unit USING gin (lower(code) gin_trgm_ops);
