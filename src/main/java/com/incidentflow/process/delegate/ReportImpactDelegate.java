package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reports the confirmed impact scope to managers and CS (影響範囲の報告). Queued here; delivered on its own (NotificationOutbox). */
@Component
public class ReportImpactDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public ReportImpactDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.IMPACT_REPORTED, execution);
  }
}
