-- One database per service (each service owns its data), plus Keycloak's.
-- Run once by the postgres image on an empty data volume.
CREATE DATABASE duban_unit;
CREATE DATABASE duban_task;
CREATE DATABASE duban_reminder;
CREATE DATABASE keycloak;
