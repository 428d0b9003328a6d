package com.incidentflow.metrics;

import com.incidentflow.metrics.MetricsRecord.Milestone;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.HistoryTables;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@link MetricsRecord} up to date from the engine's history events (the engine calls it next
 * to its own history writer, registered by config.EnginePlugins). Deliberately not a
 * {@code HistoryEventHandler} bean: Camunda's starter adds such a bean to the engine's handlers by
 * itself, and the plugin adds it too, so every event would be recorded twice. The only engine-specific part of the
 * metrics' record: it translates events of the incident process into record calls.
 *
 * <p>It runs inside the engine's transaction, so a record commits or rolls back with the step that
 * made it. The metrics must never stop an incident, so each event is written in a nested transaction (a
 * savepoint): if writing fails, only the record is rolled back, the incident goes on, and the incident is
 * queued to be derived again from history ({@link #rebuildPending()}, once a minute).
 */
public class MetricsHistoryEvents {

  private static final Logger log = LoggerFactory.getLogger(MetricsHistoryEvents.class);

  private final MetricsRecord record;
  private final MetricsDerivation derivation;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  public MetricsHistoryEvents(MetricsRecord record, MetricsDerivation derivation, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.record = record;
    this.derivation = derivation;
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  public void handleEvent(HistoryEvent event) {
    if (!IncidentProcess.PROCESS_KEY.equals(event.getProcessDefinitionKey()) || event.getProcessInstanceId() == null) {
      return;
    }
    // Most events of an incident (most variables, gateways, service tasks) change nothing in the
    // record: those open no savepoint, which costs two statements of its own.
    Runnable write = writeFor(event);
    if (write == null) {
      return;
    }
    try {
      savepoint.executeWithoutResult(status -> write.run());
    } catch (RuntimeException e) {
      queueRebuild(event.getProcessInstanceId());
      log.warn("Could not record a metrics event of incident {} ({}); it will be derived again from history: {}",
          event.getProcessInstanceId(), event.getEventType(), e.toString());
    }
  }

  /** What the event changes in the record, or null when it changes nothing. */
  private Runnable writeFor(HistoryEvent event) {
    String incident = event.getProcessInstanceId();
    if (event instanceof HistoricProcessInstanceEventEntity process) {
      if (is(event, HistoryEventTypes.PROCESS_INSTANCE_START)) {
        return () -> record.recordReported(incident, process.getStartTime(), process.getBusinessKey());
      } else if (is(event, HistoryEventTypes.PROCESS_INSTANCE_END)) {
        return () -> record.recordEnded(incident, process.getEndTime());
      }
    } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
      if (is(event, HistoryEventTypes.ACTIVITY_INSTANCE_START)) {
        Milestone milestone = Milestone.startedBy(activity.getActivityId());
        if (milestone != null) {
          return () -> record.recordMilestone(incident, milestone, activity.getStartTime());
        }
      } else if (is(event, HistoryEventTypes.ACTIVITY_INSTANCE_END)) {
        boolean step = MetricsRecord.STEP_TYPES.contains(activity.getActivityType());
        Milestone milestone = Milestone.endedBy(activity.getActivityId());
        if (step || milestone != null) {
          return () -> {
            if (step) {
              record.recordStepCompleted(incident, activity.getActivityInstanceId(), activity.getActivityId(), duration(activity));
            }
            if (milestone != null) {
              record.recordMilestone(incident, milestone, activity.getEndTime());
            }
          };
        }
      }
    } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
      // Values as the engine's ACT_HI_VARINST keeps them: the latest; deleting a variable keeps its last value there.
      if (is(event, HistoryEventTypes.VARIABLE_INSTANCE_CREATE) || is(event, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)) {
        return writeFor(incident, variable);
      }
    }
    return null;
  }

  private Runnable writeFor(String incident, HistoricVariableUpdateEventEntity variable) {
    String name = variable.getVariableName();
    String text = variable.getTextValue();
    boolean processLevel = incident.equals(variable.getExecutionId());
    if (Variables.CLIENT.equals(name)) {
      return () -> record.recordClient(incident, variable.getVariableInstanceId(), text);
    } else if (Variables.FINAL_SCOPE.equals(name)) {
      return () -> record.recordScopeConfirmed(incident);
    } else if (processLevel && Variables.PRIORITY.equals(name)) {
      return () -> record.recordPriority(incident, text);
    } else if (processLevel && Variables.INCIDENT_NUMBER.equals(name)) {
      return () -> record.recordNumber(incident, text);
    } else if (processLevel && Variables.CLIENTS_REPORTED.equals(name)) {
      return () -> record.recordReportedClients(incident, text);
    } else if (processLevel && Variables.PROVISIONAL_CLIENTS.equals(name)) {
      return () -> record.recordProvisionalClients(incident, text);
    }
    return null;
  }

  /**
   * The engine's own DURATION_. The end event carries the start time when the activity's history row is
   * in the command's cache; otherwise (a step started in an earlier transaction) it is read from the row.
   */
  private Long duration(HistoricActivityInstanceEventEntity activity) {
    if (activity.getDurationInMillis() != null) {
      return activity.getDurationInMillis();
    }
    Date start = activity.getStartTime();
    if (start == null) {
      start = new HistoryTables(jdbc).activityStart(activity.getActivityInstanceId()).orElse(null);
    }
    return start == null || activity.getEndTime() == null ? null : activity.getEndTime().getTime() - start.getTime();
  }

  /**
   * Queued when the engine's transaction has ended, so the rebuild reads the history it committed (or,
   * if it rolled back, the history without it).
   */
  private void queueRebuild(String incident) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          pending.add(incident);
        }
      });
    } else {
      pending.add(incident);
    }
  }

  private static boolean is(HistoryEvent event, HistoryEventTypes type) {
    return type.getEventName().equals(event.getEventType());
  }

  /** Derives again, from the engine's history, each incident whose record could not be written. */
  public int rebuildPending() {
    int rebuilt = 0;
    for (String incident : List.copyOf(pending)) {
      pending.remove(incident);
      try {
        derivation.rebuild(incident);
        rebuilt++;
      } catch (RuntimeException e) {
        pending.add(incident);
        log.warn("Could not derive the metrics record of incident {} again; will try again: {}", incident, e.toString());
      }
    }
    return rebuilt;
  }

  Set<String> pending() {
    return Set.copyOf(pending);
  }
}
