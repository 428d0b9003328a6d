package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationDelivery.Variables;
import com.incidentflow.process.IncidentParticipants;
import com.incidentflow.process.IncidentProcess.Tasks;
import java.util.Collection;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Delivers one queued notification of an incident (processes/notification-delivery.bpmn). */
@Component
public class DeliverNotificationDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;
  private final IncidentParticipants participants;

  public DeliverNotificationDelegate(IncidentNotifications notifications, IncidentParticipants participants) {
    this.notifications = notifications;
    this.participants = participants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = (String) execution.getVariable(Variables.INCIDENT_ID);
    MailKind kind = MailKind.valueOf((String) execution.getVariable(Variables.NOTIFICATION));
    Supplier<Collection<String>> involved = kind == MailKind.STATUS_UPDATE_DUE || kind == MailKind.ALERT_RESOLVED
        ? () -> participants.workingOn(incidentId, Tasks.CONTACT_CLIENT)
        : () -> participants.of(incidentId);
    notifications.deliver(
        execution.getProcessInstanceId(),
        kind,
        IncidentFactsReader.read(execution.getProcessEngineServices(), incidentId, (String) execution.getVariable(Variables.STEP)),
        involved);
  }
}
