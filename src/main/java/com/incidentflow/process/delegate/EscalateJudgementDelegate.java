package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An overdue judgement goes back to the managers, who must not sit on it. Queued here; delivered on its own (NotificationOutbox). */
@Component
public class EscalateJudgementDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public EscalateJudgementDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.JUDGEMENT_OVERDUE, execution);
  }
}
