package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the engineers on the case that monitoring reports the incident's alert as resolved. Queued
 * here; delivered on its own (NotificationOutbox).
 */
@Component
public class AnnounceAlertResolvedDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public AnnounceAlertResolvedDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.ALERT_RESOLVED, execution);
  }
}
