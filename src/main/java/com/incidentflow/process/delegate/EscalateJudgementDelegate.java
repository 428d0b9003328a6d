package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An overdue judgement goes back to the managers, who must not sit on it. */
@Component
public class EscalateJudgementDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;

  public EscalateJudgementDelegate(IncidentNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.escalateJudgement(IncidentFactsReader.read(execution));
  }
}
