package com.incidentflow.notification.chat;

import com.incidentflow.notification.MailRenderer.MailView;
import java.util.List;

/**
 * One notification as chat tells it: the mail's subject and content (derived once, by
 * IncidentNotifications), the labels chat needs in the readers' language, and the Slack member ids
 * of the people to mention.
 */
public record ChatNotice(String subject, MailView view, Labels labels, List<String> mentions) {

  public ChatNotice {
    mentions = List.copyOf(mentions);
  }

  public record Labels(String step, String openTasks, String priority) {}
}
