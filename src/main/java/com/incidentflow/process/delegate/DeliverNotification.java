package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationDelivery.Channel;
import com.incidentflow.notification.NotificationDelivery.Variables;
import com.incidentflow.notification.chat.ChatNotifications;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.engine.IncidentParticipants;
import com.incidentflow.process.engine.IncidentSnapshot;
import com.incidentflow.process.engine.IncidentSnapshots;
import com.incidentflow.process.engine.ProcessStep;
import com.incidentflow.process.engine.StepContext;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Delivers one queued notification of an incident (processes/notification-delivery.bpmn). */
@Component
public class DeliverNotification implements ProcessStep {

  private final IncidentNotifications notifications;
  private final ChatNotifications chat;
  private final IncidentParticipants participants;
  private final IncidentSnapshots snapshots;

  public DeliverNotification(
      IncidentNotifications notifications, ChatNotifications chat, IncidentParticipants participants, IncidentSnapshots snapshots) {
    this.notifications = notifications;
    this.chat = chat;
    this.participants = participants;
    this.snapshots = snapshots;
  }

  @Override
  public void run(StepContext delivery) {
    String incidentId = delivery.text(Variables.INCIDENT_ID);
    MailKind kind = MailKind.valueOf(delivery.text(Variables.NOTIFICATION));
    Supplier<Collection<String>> involved = kind == MailKind.STATUS_UPDATE_DUE || kind == MailKind.ALERT_RESOLVED
        ? () -> participants.workingOn(incidentId, Tasks.CONTACT_CLIENT)
        : () -> participants.of(incidentId);
    IncidentSnapshot incident = snapshots.take(incidentId, delivery.text(Variables.STEP));
    Channel channel = Channel.of(delivery.variable(Variables.CHANNEL));
    if (channel == Channel.MAIL) {
      notifications.deliver(delivery.processInstanceId(), kind, incident, involved);
    } else {
      chat.deliver(delivery.processInstanceId(), channel, kind, incident, involved);
    }
  }
}
