-- Incidents per client from counts instead of every client row of the period (docs/metrics.md, "Incidents per
-- client"): incidents naming each confirmed client, per day of the incident's report (the date of
-- metrics_client.reported_at) and the same counts per calendar month (reported_month: its first day), so a long
-- period reads its whole months from the month rows. An incident naming a client in two contact steps counts once.
-- Written with metrics_client, in the same transactions (ClientCounts); the rows already in the record are counted
-- here.
CREATE TABLE metrics_client_day (
  reported_on DATE NOT NULL,
  client VARCHAR(4000) NOT NULL,
  incidents BIGINT NOT NULL,
  PRIMARY KEY (reported_on, client)
);

CREATE TABLE metrics_client_month (
  reported_month DATE NOT NULL,
  client VARCHAR(4000) NOT NULL,
  incidents BIGINT NOT NULL,
  PRIMARY KEY (reported_month, client)
);

INSERT INTO metrics_client_day (reported_on, client, incidents)
  SELECT d.reported_on, d.client, COUNT(*) FROM (
    SELECT DISTINCT process_instance_id, client, CAST(reported_at AS DATE) AS reported_on FROM metrics_client) d
  GROUP BY d.reported_on, d.client;

INSERT INTO metrics_client_month (reported_month, client, incidents)
  SELECT d.reported_month, d.client, COUNT(*) FROM (
    SELECT DISTINCT process_instance_id, client, CAST(DATE_TRUNC('MONTH', reported_at) AS DATE) AS reported_month FROM metrics_client) d
  GROUP BY d.reported_month, d.client;

-- The incidents whose clients are not confirmed yet (their reported or provisional clients count instead): a few
-- open ones among all of the period's.
CREATE INDEX metrics_incident_unconfirmed ON metrics_incident (scope_confirmed, reported_at);
