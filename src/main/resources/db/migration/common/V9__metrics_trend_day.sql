-- The weekly trend from counts per day instead of grouping every incident of the period by day (docs/metrics.md,
-- "Weekly trend"): per day, how many incidents were reported on it (event 'reported': the date of
-- metrics_incident.reported_at) and how many resolved (event 'resolved': the date of resolved_at). Written with
-- metrics_incident, in the same transactions (TrendCounts); the incidents already in the record are counted here.
CREATE TABLE metrics_trend_day (
  on_day DATE NOT NULL,
  event VARCHAR(16) NOT NULL,
  incidents BIGINT NOT NULL,
  PRIMARY KEY (on_day, event)
);

INSERT INTO metrics_trend_day (on_day, event, incidents)
  SELECT CAST(reported_at AS DATE), 'reported', COUNT(*) FROM metrics_incident GROUP BY CAST(reported_at AS DATE);

INSERT INTO metrics_trend_day (on_day, event, incidents)
  SELECT CAST(resolved_at AS DATE), 'resolved', COUNT(*) FROM metrics_incident WHERE resolved_at IS NOT NULL
  GROUP BY CAST(resolved_at AS DATE);
