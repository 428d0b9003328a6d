package com.incidentflow.notification;

import java.util.List;

public record OutgoingMail(List<String> to, String subject, String text, String html) {

  public OutgoingMail {
    to = List.copyOf(to);
  }
}
