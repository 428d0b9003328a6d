package com.incidentflow.metrics;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the metrics' record whole: at start-up it is derived for every incident that has none (a
 * database from before it existed) and forgotten for incidents whose history is gone; once a minute
 * incidents whose record could not be written are derived again; once a day the history check repeats.
 */
public class IncidentFactsMaintenance {

  private static final Logger log = LoggerFactory.getLogger(IncidentFactsMaintenance.class);

  private final IncidentFacts facts;
  private final IncidentFactsRecorder recorder;

  /** Takes the engine so that Spring builds it (and with it the ACT_HI_* tables) first. */
  public IncidentFactsMaintenance(IncidentFacts facts, IncidentFactsRecorder recorder, ProcessEngine engine) {
    this.facts = facts;
    this.recorder = recorder;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void atStartUp() {
    long started = System.nanoTime();
    int removed = facts.removeWithoutHistory();
    int derived = facts.mayLackRecords() ? facts.backfill() : 0;
    if (derived > 0 || removed > 0) {
      log.info("Metrics record: derived {} incidents from history, removed {} without history ({} ms)",
          derived, removed, (System.nanoTime() - started) / 1_000_000);
    }
  }

  @Scheduled(fixedDelayString = "${incident-flow.metrics.rebuild-interval:PT1M}", initialDelayString = "${incident-flow.metrics.rebuild-interval:PT1M}")
  public void rebuildPending() {
    int rebuilt = recorder.rebuildPending();
    if (rebuilt > 0) {
      log.info("Metrics record: derived {} incidents again from history", rebuilt);
    }
  }

  @Scheduled(cron = "${incident-flow.metrics.history-check-cron:0 17 3 * * *}")
  public void removeWithoutHistory() {
    int removed = facts.removeWithoutHistory();
    if (removed > 0) {
      log.info("Metrics record: removed {} incidents whose history is gone", removed);
    }
  }
}
