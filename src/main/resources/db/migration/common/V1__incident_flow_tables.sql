-- Incident numbers (INC-2026-0042): one counter row per year, incremented under a row lock.
CREATE TABLE incident_number_counter (
  counter_year INT NOT NULL PRIMARY KEY,
  last_number INT NOT NULL
);

-- Alertmanager groups (intake): one row per group key, inserted before an incident is opened, so
-- that the primary key decides which of many simultaneous notifications opens the incident.
-- process_instance_id is NULL while that incident is being opened.
CREATE TABLE alert_group (
  group_key VARCHAR(1024) NOT NULL PRIMARY KEY,
  incident_number VARCHAR(32),
  process_instance_id VARCHAR(64),
  status VARCHAR(16) NOT NULL,
  repeats INT NOT NULL,
  first_seen TIMESTAMP NOT NULL,
  last_seen TIMESTAMP NOT NULL
);

-- Incident metrics (docs/metrics.md): one narrow row per incident with its milestones, one row per
-- completed step and one per confirmed client, written by IncidentFactsRecorder in the same
-- transaction as the engine's own history, and rebuilt from ACT_HI_* for incidents that predate them
-- (IncidentFacts.backfill). The report aggregates these instead of joining the engine's history.
CREATE TABLE metrics_incident (
  process_instance_id VARCHAR(64) NOT NULL PRIMARY KEY,
  incident_number VARCHAR(255),
  reported_at TIMESTAMP NOT NULL,
  priority VARCHAR(32),
  acknowledged_at TIMESTAMP,
  mitigated_at TIMESTAMP,
  resolved_at TIMESTAMP,
  -- Milliseconds from the report to each milestone: what the percentiles sort (date arithmetic per row
  -- in the query cost H2 five times the whole rest of the figure).
  acknowledged_ms BIGINT,
  mitigated_ms BIGINT,
  resolved_ms BIGINT,
  ended_at TIMESTAMP,
  reported_clients VARCHAR(4000),
  provisional_clients VARCHAR(4000),
  scope_confirmed BOOLEAN NOT NULL
);
CREATE INDEX metrics_incident_reported ON metrics_incident (reported_at);
CREATE INDEX metrics_incident_resolved ON metrics_incident (resolved_at);
CREATE INDEX metrics_incident_open ON metrics_incident (ended_at, reported_at);

-- duration_ms is the engine's DURATION_; reported_at is the incident's, so a period needs no join.
CREATE TABLE metrics_step (
  activity_instance_id VARCHAR(64) NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  reported_at TIMESTAMP NOT NULL,
  step VARCHAR(255) NOT NULL,
  duration_ms BIGINT
);
-- Every column time-per-step reads, so the period is answered from the index alone.
CREATE INDEX metrics_step_reported ON metrics_step (reported_at, step, duration_ms);
CREATE INDEX metrics_step_incident ON metrics_step (process_instance_id);

-- One row per "client" variable (a Contact affected client task); variable_id is the engine's.
CREATE TABLE metrics_client (
  variable_id VARCHAR(64) NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  reported_at TIMESTAMP NOT NULL,
  client VARCHAR(4000) NOT NULL
);
CREATE INDEX metrics_client_reported ON metrics_client (reported_at);
CREATE INDEX metrics_client_incident ON metrics_client (process_instance_id);
