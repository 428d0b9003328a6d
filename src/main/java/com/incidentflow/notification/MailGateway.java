package com.incidentflow.notification;

/** Where notifications leave the application. Failures propagate so that the caller retries. */
public interface MailGateway {

  void send(OutgoingMail mail);
}
