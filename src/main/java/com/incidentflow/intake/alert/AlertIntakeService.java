package com.incidentflow.intake.alert;

import com.incidentflow.intake.IncidentService;
import com.incidentflow.intake.IncidentViews.Created;
import com.incidentflow.intake.alert.AlertGroups.AlertGroup;
import com.incidentflow.process.IncidentDirectory;
import com.incidentflow.process.EngineAccess;
import com.incidentflow.process.IncidentDirectory.IncidentRef;
import java.time.Instant;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens one incident per firing Alertmanager group and records everything else on it: repeats and
 * the resolved notification become comments on the incident and counts in alert_group. Closing an
 * incident stays a person's decision, whatever monitoring says.
 *
 * <p>The database decides races: the first notification inserts the group's row (committed at once)
 * and opens the incident; simultaneous ones find the row and count as repeats. The row is committed
 * before the process starts so that waiting notifications do not hold connections that starting a
 * process needs (its incident number is taken in a transaction of its own).
 *
 * <p>Which incident a group has is the system's decision, not the caller's: it is looked up and
 * commented on as the engine, whatever the caller may read. The caller only needs the right to
 * report an incident — checked before anything is recorded.
 */
@Service
public class AlertIntakeService {

  /** A claim can vanish between our insert and our read if its opener failed; then we try again. */
  private static final int ATTEMPTS = 3;

  private final AlertGroups groups;
  private final IncidentService incidents;
  private final IncidentDirectory directory;
  private final TaskService tasks;
  private final TransactionTemplate transaction;
  private final EngineAccess access;

  public AlertIntakeService(
      AlertGroups groups,
      IncidentService incidents,
      IncidentDirectory directory,
      TaskService tasks,
      PlatformTransactionManager transactionManager,
      EngineAccess access) {
    this.groups = groups;
    this.incidents = incidents;
    this.directory = directory;
    this.tasks = tasks;
    this.transaction = new TransactionTemplate(transactionManager);
    this.access = access;
  }

  public enum Outcome {
    /** A new incident was opened for the group. */
    OPENED,
    /** The group's incident is open (or being opened): the repeat was recorded on it. */
    REPEATED,
    /** The resolved notification was recorded on the open incident, which stays open. */
    RESOLVED_RECORDED,
    /** Resolved, but the group has no open incident: nothing to record it on. */
    NO_OPEN_INCIDENT
  }

  /** @param incidentNumber null when a repeat arrived while another request was opening it */
  public record Result(Outcome outcome, String incidentNumber, String location) {}

  public Result receive(AlertmanagerNotification notification) {
    if (!access.mayReport()) {
      throw new AuthorizationException("You may not report incidents, so you may not send alerts");
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return notification.firing() ? fire(notification, now) : resolve(notification, now);
  }

  private Result fire(AlertmanagerNotification n, Instant now) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (groups.claim(n.groupKey(), now)) {
        return open(n);
      }
      Decision decision = transaction.execute(status -> onExistingGroup(n, now));
      if (decision.result() != null) {
        return decision.result();
      }
      if (decision.reopen()) {
        return open(n);
      }
    }
    throw new IllegalStateException("Alert group " + n.groupKey() + " kept changing while it was read");
  }

  /** Runs with the group's row locked: exactly one caller sees a closed incident and reopens. */
  private Decision onExistingGroup(AlertmanagerNotification n, Instant now) {
    AlertGroup group = groups.lock(n.groupKey()).orElse(null);
    if (group == null) {
      return Decision.RETRY;
    }
    if (group.opening()) {
      groups.seenAgain(n.groupKey(), AlertGroup.FIRING, now);
      return Decision.of(new Result(Outcome.REPEATED, null, null));
    }
    if (isOpen(group)) {
      int repeats = groups.seenAgain(n.groupKey(), AlertGroup.FIRING, now);
      comment(group, "Alertmanager: still firing (repeat " + repeats + ", " + n.alerts().size() + " alert(s)) at " + now);
      return Decision.of(new Result(Outcome.REPEATED, group.incidentNumber(), IncidentService.location(group.incidentNumber())));
    }
    groups.reopen(n.groupKey(), now);
    return Decision.REOPEN;
  }

  private Result open(AlertmanagerNotification n) {
    Created created;
    try {
      created = incidents.report(AlertReport.of(n));
    } catch (RuntimeException e) {
      groups.release(n.groupKey());
      throw e;
    }
    groups.opened(n.groupKey(), created.number(), created.processInstanceId());
    return new Result(Outcome.OPENED, created.number(), created.location());
  }

  private Result resolve(AlertmanagerNotification n, Instant now) {
    return transaction.execute(
        status -> {
          AlertGroup group = groups.lock(n.groupKey()).orElse(null);
          if (group == null || group.opening() || !isOpen(group)) {
            return new Result(Outcome.NO_OPEN_INCIDENT, null, null);
          }
          groups.resolved(n.groupKey(), now);
          comment(
              group,
              "Alertmanager: resolved at " + now + " (" + n.alerts().size() + " alert(s)). "
                  + "The incident stays open until someone closes it.");
          return new Result(Outcome.RESOLVED_RECORDED, group.incidentNumber(), IncidentService.location(group.incidentNumber()));
        });
  }

  private boolean isOpen(AlertGroup group) {
    return access.asEngine(() -> directory.find(group.incidentNumber()).map(IncidentRef::open).orElse(false));
  }

  /** A comment on the process instance: part of the incident's evidence trail. */
  private void comment(AlertGroup group, String text) {
    access.asEngine(() -> tasks.createComment(null, group.processInstanceId(), text));
  }

  private record Decision(Result result, boolean reopen) {
    static final Decision RETRY = new Decision(null, false);
    static final Decision REOPEN = new Decision(null, true);

    static Decision of(Result result) {
      return new Decision(result, false);
    }
  }
}
