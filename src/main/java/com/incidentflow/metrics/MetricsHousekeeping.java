package com.incidentflow.metrics;

import com.incidentflow.process.engine.EngineDoorConfiguration.EngineStarted;
import com.incidentflow.process.engine.HistoryTables;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the metrics' record whole: at start-up it is derived for every incident that has none (a
 * database from before it existed) and forgotten for incidents whose history is gone, and the steps and the times to
 * milestones are counted again per day and duration if their counts do not add up to the record's rows; once a minute
 * incidents whose record could not be written are derived again; once a day the history check repeats.
 */
public class MetricsHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(MetricsHousekeeping.class);

  private final MetricsDerivation derivation;
  private final StepHistogram histogram;
  private final TimeToCounts timeTo;
  private final MetricsHistoryEvents events;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  /** Takes the engine so that Spring builds it (and with it the ACT_HI_* tables) first. */
  MetricsHousekeeping(MetricsDerivation derivation, StepHistogram histogram, TimeToCounts timeTo, MetricsHistoryEvents events,
      JdbcTemplate jdbc, TransactionTemplate transaction, EngineStarted engine) {
    this.derivation = derivation;
    this.histogram = histogram;
    this.timeTo = timeTo;
    this.events = events;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void atStartUp() {
    long started = System.nanoTime();
    int removed = removeWithoutHistory();
    int derived = derivation.mayLackRecords() ? derivation.backfill() : 0;
    if (derived > 0 || removed > 0) {
      log.info("Metrics record: derived {} incidents from history, removed {} without history ({} ms)",
          derived, removed, (System.nanoTime() - started) / 1_000_000);
    }
    if (!histogram.matchesSteps()) {
      started = System.nanoTime();
      int months = histogram.recount(transaction);
      log.info("Metrics record: counted the steps per day and duration again, {} months ({} ms)", months, (System.nanoTime() - started) / 1_000_000);
    }
    if (!timeTo.matchesRecord()) {
      started = System.nanoTime();
      int months = timeTo.recount(transaction);
      log.info("Metrics record: counted the times to milestones per day and duration again, {} months ({} ms)", months,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  @Scheduled(fixedDelayString = "${incident-flow.metrics.rebuild-interval:PT1M}", initialDelayString = "${incident-flow.metrics.rebuild-interval:PT1M}")
  public void rebuildPending() {
    int rebuilt = events.rebuildPending();
    if (rebuilt > 0) {
      log.info("Metrics record: derived {} incidents again from history", rebuilt);
    }
  }

  @Scheduled(cron = "${incident-flow.metrics.history-check-cron:0 17 3 * * *}")
  public void checkHistory() {
    int removed = removeWithoutHistory();
    if (removed > 0) {
      log.info("Metrics record: removed {} incidents whose history is gone", removed);
    }
  }

  /**
   * Removes the record of incidents whose history the engine no longer has (history clean-up after the
   * process's time to live, or an operator deleting it), so the figures follow the engine's history.
   */
  public int removeWithoutHistory() {
    List<String> gone = jdbc.queryForList(
        "SELECT m.process_instance_id FROM metrics_incident m WHERE NOT " + HistoryTables.hasHistory("m.process_instance_id"),
        String.class);
    for (int from = 0; from < gone.size(); from += 500) {
      List<String> chunk = gone.subList(from, Math.min(gone.size(), from + 500));
      transaction.executeWithoutResult(status -> derivation.forget(chunk));
    }
    return gone.size();
  }
}
