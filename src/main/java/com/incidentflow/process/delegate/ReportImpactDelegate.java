package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reports the confirmed impact scope to managers and CS (影響範囲の報告). */
@Component
public class ReportImpactDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;

  public ReportImpactDelegate(IncidentNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.reportImpact(IncidentFactsReader.read(execution));
  }
}
