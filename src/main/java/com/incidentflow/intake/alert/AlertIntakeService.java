package com.incidentflow.intake.alert;

import com.incidentflow.intake.IncidentReporting;
import com.incidentflow.intake.IncidentViews.Created;
import com.incidentflow.intake.alert.AlertGroups.AlertGroup;
import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Messages;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.EngineAccess;
import com.incidentflow.process.engine.IncidentComments;
import com.incidentflow.process.engine.IncidentHistory;
import com.incidentflow.process.engine.IncidentRef;
import com.incidentflow.process.engine.IncidentRuntime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens one incident per firing alert group (Alertmanager or Grafana) and records everything else on
 * it: repeats and the resolved notification become comments on the incident and counts in
 * alert_group. Closing an incident stays a person's decision, whatever monitoring says.
 *
 * <p>The database decides races: the first notification inserts the group's row (committed at once)
 * and opens the incident; simultaneous ones find the row and count as repeats. The row is committed
 * before the process starts so that waiting notifications do not hold connections that starting a
 * process needs (its incident number is taken in a transaction of its own). A repeat that finds the
 * incident still being opened waits for its number (GroupOpenings, bounded by
 * incident-flow.alerts.number-wait) and is otherwise answered OPENING with the group's poll location.
 *
 * <p>Which incident a group has is the system's decision, not the caller's: it is looked up and
 * commented on as the engine, whatever the caller may read. The caller only needs the right to
 * report an incident — checked before anything is recorded.
 */
@Service
public class AlertIntakeService {

  /** Where a caller polls for the incident of a group that is still being opened. */
  public static final String GROUP_PATH = "/api/alerts/groups";

  /** A claim can vanish between our insert and our read if its opener failed; then we try again. */
  private static final int ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(AlertIntakeService.class);

  private final AlertGroups groups;
  private final GroupOpenings openings;
  private final IncidentReporting incidents;
  private final IncidentHistory directory;
  private final IncidentComments comments;
  private final IncidentRuntime runtime;
  private final Clock clock;
  private final EngineAccess engine;
  private final SeverityHint severity;
  private final AlertProperties properties;
  private final TeamSettings team;
  private final TransactionTemplate transaction;

  public AlertIntakeService(
      AlertGroups groups,
      GroupOpenings openings,
      IncidentReporting incidents,
      IncidentHistory directory,
      IncidentComments comments,
      IncidentRuntime runtime,
      EngineAccess engine,
      SeverityHint severity,
      AlertProperties properties,
      TeamSettings team,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.groups = groups;
    this.openings = openings;
    this.incidents = incidents;
    this.directory = directory;
    this.comments = comments;
    this.runtime = runtime;
    this.clock = clock;
    this.engine = engine;
    this.severity = severity;
    this.properties = properties;
    this.team = team;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  public enum Outcome {
    /** A new incident was opened for the group. */
    OPENED,
    /** The group's incident is open: the repeat was recorded on it. */
    REPEATED,
    /**
     * The group's incident was still being opened by another notification when the wait ran out:
     * the notification was counted, and the location is the group's, to poll for the number.
     */
    OPENING,
    /** The resolved notification was recorded on the open incident, which stays open. */
    RESOLVED_RECORDED,
    /** Resolved, but the group has no open incident: nothing to record it on. */
    NO_OPEN_INCIDENT
  }

  /**
   * @param incidentNumber null only for OPENING and NO_OPEN_INCIDENT
   * @param location the incident's; for OPENING the group's ({@link #GROUP_PATH}), which names the
   *     incident once it exists
   */
  public record Result(Outcome outcome, String incidentNumber, String location) {}

  public Result receive(MonitoringNotification notification) {
    if (!engine.mayReport()) {
      throw engine.denied("You may not report incidents, so you may not send alerts");
    }
    Instant now = clock.instant();
    return notification.firing() ? fire(notification, now) : resolve(notification, now);
  }

  /** What a caller polling {@link #GROUP_PATH} learns: the group's incident, or that it is being opened. */
  public Optional<Result> group(String groupKey) {
    return groups.find(groupKey).map(group -> group.opening()
        ? new Result(Outcome.OPENING, null, groupLocation(groupKey))
        : new Result(Outcome.OPENED, group.incidentNumber(), IncidentReporting.location(group.incidentNumber())));
  }

  public static String groupLocation(String groupKey) {
    return GROUP_PATH + "?key=" + URLEncoder.encode(groupKey, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Result fire(MonitoringNotification n, Instant now) {
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
      if (decision.awaitedRepeat() > 0) {
        Result answered = awaitNumber(n, decision.awaitedRepeat(), now);
        if (answered != null) {
          return answered;
        }
      }
    }
    throw new IllegalStateException("Alert group " + n.groupKey() + " kept changing while it was read");
  }

  /** Runs with the group's row locked: exactly one caller sees a closed incident and reopens. */
  private Decision onExistingGroup(MonitoringNotification n, Instant now) {
    AlertGroup group = groups.lock(n.groupKey()).orElse(null);
    if (group == null) {
      return Decision.RETRY;
    }
    if (group.opening()) {
      return Decision.await(groups.seenAgain(n.groupKey(), AlertGroup.FIRING, now));
    }
    if (isOpen(group)) {
      int repeats = groups.seenAgain(n.groupKey(), AlertGroup.FIRING, now);
      comment(group, stillFiring(n, repeats, now));
      return Decision.of(new Result(Outcome.REPEATED, group.incidentNumber(), IncidentReporting.location(group.incidentNumber())));
    }
    groups.reopen(n.groupKey(), now);
    return Decision.REOPEN;
  }

  /**
   * The repeat was counted while another notification was opening the incident: answer with the
   * incident's number once it exists, and put the repeat on its timeline like any other.
   *
   * @return null when the opening failed and its claim is gone, so the caller tries again
   */
  private Result awaitNumber(MonitoringNotification n, int repeat, Instant now) {
    Optional<AlertGroup> group = openings.await(n.groupKey(), properties.numberWait());
    if (group.isEmpty()) {
      return null;
    }
    if (group.get().opening()) {
      return new Result(Outcome.OPENING, null, groupLocation(n.groupKey()));
    }
    comment(group.get(), stillFiring(n, repeat, now));
    return new Result(Outcome.REPEATED, group.get().incidentNumber(), IncidentReporting.location(group.get().incidentNumber()));
  }

  private Result open(MonitoringNotification n) {
    Created created;
    try {
      created = incidents.report(AlertReport.of(n), severity.variables(n));
    } catch (RuntimeException e) {
      groups.release(n.groupKey());
      openings.changed();
      throw e;
    }
    groups.opened(n.groupKey(), created.number(), created.processInstanceId());
    openings.changed();
    return new Result(Outcome.OPENED, created.number(), created.location());
  }

  private Result resolve(MonitoringNotification n, Instant now) {
    Result result = transaction.execute(status -> onResolved(n, now, false));
    if (result != null) {
      return result;
    }
    openings.await(n.groupKey(), properties.numberWait());
    return transaction.execute(status -> onResolved(n, now, true));
  }

  /** @return null while the incident is being opened and the caller has not waited for it yet */
  private Result onResolved(MonitoringNotification n, Instant now, boolean waited) {
    AlertGroup group = groups.lock(n.groupKey()).orElse(null);
    if (group == null || (!group.opening() && !isOpen(group))) {
      return new Result(Outcome.NO_OPEN_INCIDENT, null, null);
    }
    if (group.opening()) {
      if (!waited) {
        return null;
      }
      // Still opening after the wait: the group's state says resolved; its timeline does not.
      groups.resolved(n.groupKey(), now);
      return new Result(Outcome.OPENING, null, groupLocation(n.groupKey()));
    }
    groups.resolved(n.groupKey(), now);
    comment(
        group,
        n.source().shortName() + ": resolved at " + now + " (" + n.alerts().size() + " alert(s)). "
            + "The incident stays open until someone closes it.");
    announceResolved(group, now);
    return new Result(Outcome.RESOLVED_RECORDED, group.incidentNumber(), IncidentReporting.location(group.incidentNumber()));
  }

  /**
   * Starts the model's "alert resolved" event subprocess, which mails the engineers on the case from an
   * asynchronous, retried step: this transaction only leaves a job behind. Correlated as the system:
   * monitoring's news reaches the incident whoever's credentials carried it.
   */
  private void announceResolved(AlertGroup group, Instant now) {
    engine.withoutAuthorizationChecks(() -> {
      // Checked rather than caught: a failed correlation would mark this transaction rollback-only.
      if (!runtime.waitsFor(group.processInstanceId(), Messages.ALERT_RESOLVED)) {
        log.info("Incident {} no longer waits for alert news; its resolution is recorded only", group.incidentNumber());
        return null;
      }
      runtime.correlate(group.processInstanceId(), Messages.ALERT_RESOLVED,
          Variables.ALERT_RESOLVED_AT, now.atZone(team.zone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).toString());
      return null;
    });
  }

  private static String stillFiring(MonitoringNotification n, int repeats, Instant now) {
    return n.source().shortName() + ": still firing (repeat " + repeats + ", " + n.alerts().size() + " alert(s)) at " + now;
  }

  private boolean isOpen(AlertGroup group) {
    return engine.asEngine(() -> directory.find(group.incidentNumber()).map(IncidentRef::open).orElse(false));
  }

  /** A comment on the process instance: part of the incident's evidence trail. */
  private void comment(AlertGroup group, String text) {
    engine.asEngine(() -> {
      comments.add(group.processInstanceId(), text);
      return null;
    });
  }

  /** @param awaitedRepeat the repeat's count when it must wait for the incident being opened, else 0 */
  private record Decision(Result result, boolean reopen, int awaitedRepeat) {
    static final Decision RETRY = new Decision(null, false, 0);
    static final Decision REOPEN = new Decision(null, true, 0);

    static Decision of(Result result) {
      return new Decision(result, false, 0);
    }

    static Decision await(int repeat) {
      return new Decision(null, false, repeat);
    }
  }
}
