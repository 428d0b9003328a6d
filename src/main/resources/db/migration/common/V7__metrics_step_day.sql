-- Time per step from counts instead of sorting every step's duration (docs/metrics.md, "Time per step"):
-- completed steps counted per day of the incident's report (the date of metrics_step.reported_at), step and
-- duration bucket (bucket b >= 0: 1.02^b <= duration_ms < 1.02^(b+1); -1: 0 ms; -2: duration unknown), and
-- the same counts per calendar month (reported_month: its first day), so a long period reads its whole
-- months from the month rows. Written with metrics_step, in the same transactions (StepHistogram).
-- Step rows already in the record are counted at the first start (MetricsHousekeeping, StepHistogram.recount).
CREATE TABLE metrics_step_day (
  reported_on DATE NOT NULL,
  step VARCHAR(255) NOT NULL,
  bucket INT NOT NULL,
  steps BIGINT NOT NULL,
  PRIMARY KEY (reported_on, step, bucket)
);

CREATE TABLE metrics_step_month (
  reported_month DATE NOT NULL,
  step VARCHAR(255) NOT NULL,
  bucket INT NOT NULL,
  steps BIGINT NOT NULL,
  PRIMARY KEY (reported_month, step, bucket)
);
