package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentFacts;
import com.incidentflow.notification.IncidentNotifications;
import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationDelivery.Channel;
import com.incidentflow.notification.chat.ChatNotifications;
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
  private final ChatNotifications chat;
  private final IncidentParticipants participants;

  public DeliverNotificationDelegate(IncidentNotifications notifications, ChatNotifications chat, IncidentParticipants participants) {
    this.notifications = notifications;
    this.chat = chat;
    this.participants = participants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = (String) execution.getVariable(Variables.INCIDENT_ID);
    MailKind kind = MailKind.valueOf((String) execution.getVariable(Variables.NOTIFICATION));
    Supplier<Collection<String>> involved = kind == MailKind.STATUS_UPDATE_DUE || kind == MailKind.ALERT_RESOLVED
        ? () -> participants.workingOn(incidentId, Tasks.CONTACT_CLIENT)
        : () -> participants.of(incidentId);
    IncidentFacts incident =
        IncidentFactsReader.read(execution.getProcessEngineServices(), incidentId, (String) execution.getVariable(Variables.STEP));
    Channel channel = Channel.of(execution.getVariable(Variables.CHANNEL));
    if (channel == Channel.MAIL) {
      notifications.deliver(execution.getProcessInstanceId(), kind, incident, involved);
    } else {
      chat.deliver(execution.getProcessInstanceId(), channel, kind, incident, involved);
    }
  }
}
