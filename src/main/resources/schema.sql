-- Incident numbers (INC-2026-0042): one counter row per year, incremented under a row lock.
CREATE TABLE IF NOT EXISTS incident_number_counter (
  counter_year INT NOT NULL PRIMARY KEY,
  last_number INT NOT NULL
);

-- Alertmanager groups (intake): one row per group key, inserted before an incident is opened, so
-- that the primary key decides which of many simultaneous notifications opens the incident.
-- process_instance_id is NULL while that incident is being opened.
CREATE TABLE IF NOT EXISTS alert_group (
  group_key VARCHAR(1024) NOT NULL PRIMARY KEY,
  incident_number VARCHAR(32),
  process_instance_id VARCHAR(64),
  status VARCHAR(16) NOT NULL,
  repeats INT NOT NULL,
  first_seen TIMESTAMP NOT NULL,
  last_seen TIMESTAMP NOT NULL
);
