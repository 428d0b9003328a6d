package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import com.incidentflow.process.DuplicateIncidents;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.StepAdapter;
import com.incidentflow.process.engine.StepContext;
import com.incidentflow.process.number.AssignIncidentNumber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service task and listener of the models, under the bean name its
 * {@code camunda:delegateExpression} uses. Each only translates between the incident's variables and
 * a service; the engine reaches them through {@link StepAdapter}, the one class that knows it.
 */
@Configuration
public class ProcessSteps {

  /** Report to the manager (上長に報告): the managers hear of the incident at once. */
  @Bean
  StepAdapter sendManagerReportDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.MANAGER_REPORT);
  }

  /** An overdue judgement goes back to the managers, who must not sit on it. */
  @Bean
  StepAdapter escalateJudgementDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.JUDGEMENT_OVERDUE);
  }

  /** Tells engineers and CS the priority and response targets. */
  @Bean
  StepAdapter announcePriorityDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.PRIORITY_DECIDED);
  }

  /** Reminds the engineers on the case to share status, at the priority's cadence. */
  @Bean
  StepAdapter remindStatusUpdateDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.STATUS_UPDATE_DUE);
  }

  /** An overdue first response is escalated to the managers. */
  @Bean
  StepAdapter escalateFirstResponseDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.FIRST_RESPONSE_OVERDUE);
  }

  /** Asks the chosen specialist group for help (仲間を集めよう). */
  @Bean
  StepAdapter requestHelpDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.HELP_REQUESTED);
  }

  /** Reports the confirmed impact scope to managers and CS (影響範囲の報告). */
  @Bean
  StepAdapter reportImpactDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.IMPACT_REPORTED);
  }

  /** Tells everyone involved that the incident is resolved. */
  @Bean
  StepAdapter notifyResolvedDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.RESOLVED);
  }

  /** Tells the engineers on the case that monitoring reports the incident's alert as resolved. */
  @Bean
  StepAdapter announceAlertResolvedDelegate(NotificationOutbox outbox) {
    return notify(outbox, MailKind.ALERT_RESOLVED);
  }

  /** Tells CS the new ETA (they negotiate dates with clients), then remembers what they were told. */
  @Bean
  StepAdapter announceEtaDelegate(NotificationOutbox outbox) {
    return StepAdapter.of(step -> {
      queue(outbox, MailKind.ETA_CHANGED, step);
      step.setVariable(Variables.ANNOUNCED_ETA, step.variable(Variables.ETA));
    });
  }

  /** Links an incident the manager knows is already being handled to the one handling it. */
  @Bean
  StepAdapter linkDuplicateDelegate(DuplicateIncidents duplicates) {
    return StepAdapter.of(step -> duplicates.link(
        step.text(Variables.INCIDENT_NUMBER), step.processInstanceId(), step.text(Variables.DUPLICATE_OF).trim()));
  }

  @Bean
  StepAdapter deliverNotificationDelegate(DeliverNotification step) {
    return StepAdapter.of(step);
  }

  @Bean
  StepAdapter assignIncidentNumberListener(AssignIncidentNumber step) {
    return StepAdapter.of(step);
  }

  @Bean
  StepAdapter offerRecentChangesListener(OfferRecentChanges step) {
    return StepAdapter.of(step);
  }

  @Bean
  StepAdapter markSuspectedChangesListener(MarkSuspectedChanges step) {
    return StepAdapter.of(step);
  }

  /** Queued here; delivered on its own (NotificationOutbox), so a mail server outage never holds the incident. */
  private static StepAdapter notify(NotificationOutbox outbox, MailKind kind) {
    return StepAdapter.of(step -> queue(outbox, kind, step));
  }

  /** What every notifying step hands the outbox: which notification, which incident, which step. */
  static void queue(NotificationOutbox outbox, MailKind kind, StepContext step) {
    outbox.queue(kind, step.processInstanceId(), step.text(Variables.INCIDENT_NUMBER), step.activityName());
  }
}
