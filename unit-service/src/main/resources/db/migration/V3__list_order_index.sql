-- The default list order (level, code): pages are read from the index instead of sorting the registry.
CREATE INDEX unit_level_code ON unit (level, code);
