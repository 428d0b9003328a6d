package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What every notifying step hands the outbox: which notification, which incident, which step. */
final class Notifications {

  private Notifications() {}

  static void queue(NotificationOutbox outbox, MailKind kind, DelegateExecution execution) {
    outbox.queue(kind, execution.getProcessInstanceId(), (String) execution.getVariable(Variables.INCIDENT_NUMBER),
        execution.getCurrentActivityName());
  }
}
