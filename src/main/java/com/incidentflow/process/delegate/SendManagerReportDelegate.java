package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Report to the manager (上長に報告): the managers hear of the incident at once. Queued here; delivered on its own (NotificationOutbox). */
@Component
public class SendManagerReportDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public SendManagerReportDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.MANAGER_REPORT, execution);
  }
}
