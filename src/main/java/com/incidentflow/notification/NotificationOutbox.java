package com.incidentflow.notification;

import com.incidentflow.notification.NotificationDelivery.Channel;
import com.incidentflow.notification.chat.ChatProperties;
import com.incidentflow.process.engine.IncidentRuntime;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Where an incident's step leaves a notification (docs/adr/0004-notification-delivery-and-conflicts.md). Each one becomes a delivery of its
 * own (processes/notification-delivery.bpmn), started in the step's transaction: it exists exactly
 * when the step happened, the incident moves on at once, and the delivery's sending, retries and
 * failures never touch the incident's executions. Another channel is one more delivery of the same kind.
 */
@Service
public class NotificationOutbox {

  private final IncidentRuntime runtime;
  private final ChatProperties chat;

  public NotificationOutbox(IncidentRuntime runtime, ChatProperties chat) {
    this.runtime = runtime;
    this.chat = chat;
  }

  /**
   * Queues the notification from within the step (a delegate), in its transaction. The person whose
   * step queued it needs no rights on deliveries; the checks are back on for the rest of their step.
   */
  public void queue(MailKind kind, String incidentId, String incidentNumber, String step) {
    // One delivery per channel: mail never waits for chat, and a chat outage fails only its own job.
    for (Channel channel : Channel.values()) {
      if (channel == Channel.MAIL || chat.isConfigured(channel)) {
        Map<String, Object> values = Map.of(
            NotificationDelivery.Variables.INCIDENT_ID, incidentId,
            NotificationDelivery.Variables.NOTIFICATION, kind.name(),
            NotificationDelivery.Variables.STEP, step == null ? "" : step,
            NotificationDelivery.Variables.CHANNEL, channel.name());
        runtime.startFromStep(NotificationDelivery.PROCESS_KEY, incidentNumber, values);
      }
    }
  }
}
