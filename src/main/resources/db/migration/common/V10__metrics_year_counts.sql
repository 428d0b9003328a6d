-- Counts per calendar year beside those per day and month (docs/metrics.md, "Counts per day, month and year"): a
-- period reads its whole years from the year rows (reported_year: the year's first day) and only the months and days
-- at its edges from the others. The step and client counts per year are the sums of their months, made here; the
-- counts are written with the day and month rows, in the same transactions (DayMonthCounts).
CREATE TABLE metrics_step_year (
  reported_year DATE NOT NULL,
  step VARCHAR(255) NOT NULL,
  bucket INT NOT NULL,
  steps BIGINT NOT NULL,
  PRIMARY KEY (reported_year, step, bucket)
);

INSERT INTO metrics_step_year (reported_year, step, bucket, steps)
  SELECT CAST(DATE_TRUNC('YEAR', reported_month) AS DATE), step, bucket, SUM(steps) FROM metrics_step_month
  GROUP BY CAST(DATE_TRUNC('YEAR', reported_month) AS DATE), step, bucket;

CREATE TABLE metrics_client_year (
  reported_year DATE NOT NULL,
  client VARCHAR(4000) NOT NULL,
  incidents BIGINT NOT NULL,
  PRIMARY KEY (reported_year, client)
);

INSERT INTO metrics_client_year (reported_year, client, incidents)
  SELECT CAST(DATE_TRUNC('YEAR', reported_month) AS DATE), client, SUM(incidents) FROM metrics_client_month
  GROUP BY CAST(DATE_TRUNC('YEAR', reported_month) AS DATE), client;

-- The times from report to each milestone (metrics_incident.acknowledged_ms, mitigated_ms, resolved_ms) counted per
-- milestone ('ACKNOWLEDGED', 'MITIGATED', 'RESOLVED'), priority ('none' without one) and duration bucket (as the
-- steps': b >= 0 holds 1.02^b <= ms < 1.02^(b+1), -1 is 0 ms), per day, month and year of the report. An incident
-- counts once for each milestone it has reached. Written with metrics_incident, in the same transactions
-- (TimeToCounts); the incidents already in the record are counted at the first start (MetricsHousekeeping), in Java,
-- so that every bucket is the one the app computes.
CREATE TABLE metrics_timeto_day (
  reported_on DATE NOT NULL,
  milestone VARCHAR(16) NOT NULL,
  priority VARCHAR(32) NOT NULL,
  bucket INT NOT NULL,
  incidents BIGINT NOT NULL,
  PRIMARY KEY (reported_on, milestone, priority, bucket)
);

CREATE TABLE metrics_timeto_month (
  reported_month DATE NOT NULL,
  milestone VARCHAR(16) NOT NULL,
  priority VARCHAR(32) NOT NULL,
  bucket INT NOT NULL,
  incidents BIGINT NOT NULL,
  PRIMARY KEY (reported_month, milestone, priority, bucket)
);

CREATE TABLE metrics_timeto_year (
  reported_year DATE NOT NULL,
  milestone VARCHAR(16) NOT NULL,
  priority VARCHAR(32) NOT NULL,
  bucket INT NOT NULL,
  incidents BIGINT NOT NULL,
  PRIMARY KEY (reported_year, milestone, priority, bucket)
);
