package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import com.incidentflow.process.IncidentParticipants;
import com.incidentflow.process.IncidentProcess.Tasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the engineers on the case that monitoring reports the incident's alert as resolved. */
@Component
public class AnnounceAlertResolvedDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;
  private final IncidentParticipants participants;

  public AnnounceAlertResolvedDelegate(IncidentNotifications notifications, IncidentParticipants participants) {
    this.notifications = notifications;
    this.participants = participants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.announceAlertResolved(
        IncidentFactsReader.read(execution),
        participants.workingOn(execution.getProcessInstanceId(), Tasks.CONTACT_CLIENT));
  }
}
