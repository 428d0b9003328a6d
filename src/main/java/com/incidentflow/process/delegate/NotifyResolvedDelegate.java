package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import com.incidentflow.process.IncidentParticipants;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells everyone involved that the incident is resolved. */
@Component
public class NotifyResolvedDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;
  private final IncidentParticipants participants;

  public NotifyResolvedDelegate(
      IncidentNotifications notifications, IncidentParticipants participants) {
    this.notifications = notifications;
    this.participants = participants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.announceResolution(
        IncidentFactsReader.read(execution), participants.of(execution.getProcessInstanceId()));
  }
}
