package com.incidentflow.notification.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentflow.notification.DeliveryFailure;
import com.incidentflow.notification.IncidentNotifications;
import com.incidentflow.notification.IncidentNotifications.Audience;
import com.incidentflow.notification.IncidentNotifications.Notice;
import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.MailRenderer;
import com.incidentflow.notification.NotificationDelivery.Channel;
import com.incidentflow.config.TeamSettings;
import com.incidentflow.notification.SentMailLog;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.IncidentSnapshot;
import com.incidentflow.process.engine.IncidentSnapshot.OpenTask;
import com.incidentflow.process.engine.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Posts one queued notification to chat: the same people (the mail's audience, by role) and the same
 * facts (the mail's content), in each role's Slack channel or Teams workflow. A role without a channel
 * is left out; a notification none of whose roles has one posts nothing.
 *
 * <p>Slack: the incident's first notification in a channel opens its thread there with a root
 * message (what the incident is, its step and priority now); every notification, the first one
 * included, is a reply in that thread, and each later one updates the root. Teams: one card per
 * notification and role.
 */
@Service
public class ChatNotifications {

  /** Identity-service user info holding a user's Slack member id (U…). */
  public static final String SLACK_USER_INFO = "slackUserId";

  private static final Logger LOG = LoggerFactory.getLogger(ChatNotifications.class);
  private static final Duration WAIT_FOR_THREAD = Duration.ofSeconds(30);

  private final IncidentNotifications notifications;
  private final MailRenderer texts;
  private final TeamSettings notificationProperties;
  private final ChatProperties properties;
  private final ChatLog log;
  private final SentMailLog sent;
  private final UserDirectory people;
  private final SlackClient slack;
  private final TeamsClient teams;

  public ChatNotifications(
      IncidentNotifications notifications,
      MailRenderer texts,
      TeamSettings notificationProperties,
      ChatProperties properties,
      ChatLog log,
      SentMailLog sent,
      UserDirectory people,
      ObjectMapper json,
      Clock clock) {
    this.notifications = notifications;
    this.texts = texts;
    this.notificationProperties = notificationProperties;
    this.properties = properties;
    this.log = log;
    this.sent = sent;
    this.people = people;
    this.slack = new SlackClient(properties.slack(), json, clock);
    this.teams = new TeamsClient(properties.teams(), json, clock);
  }

  /**
   * Posts the notification unless this delivery did before; each post is recorded as soon as the
   * service took it, so a retry posts only what is still missing.
   *
   * @param participants who worked on the incident; read only for status reminders and resolutions
   */
  public void deliver(String deliveryId, Channel channel, MailKind kind, IncidentSnapshot incident, Supplier<Collection<String>> participants) {
    if (!properties.isConfigured(channel) || sent.wasSent(deliveryId)) {
      return;
    }
    Audience audience = notifications.audience(kind, incident, participants);
    Notice notice = notifications.notice(kind, incident);
    List<String> destinations = switch (channel) {
      case SLACK -> slack(deliveryId, incident, chatNotice(notice, mentions(audience, incident)), audience.roles());
      case TEAMS -> teams(deliveryId, incident, chatNotice(notice, List.of()), audience.roles());
      case MAIL -> throw new IllegalArgumentException("Mail is delivered by IncidentNotifications");
    };
    if (!destinations.isEmpty()) {
      sent.record(deliveryId, incident.processInstanceId(), channel.name(), notice.subject(), destinations);
    }
  }

  private List<String> slack(String deliveryId, IncidentSnapshot incident, ChatNotice notice, List<String> roles) {
    Set<String> channels = new LinkedHashSet<>();
    for (String role : roles) {
      String channel = properties.slack().channels().get(role);
      if (channel != null) {
        channels.add(channel);
      }
    }
    String root = SlackMessages.root(notice);
    String reply = SlackMessages.reply(notice);
    List<String> destinations = new ArrayList<>();
    for (String channel : channels) {
      Opened thread = thread(deliveryId, incident, channel, root);
      if (!log.posted(deliveryId, channel)) {
        String ts = slack.postMessage(channel, reply, thread.ts());
        log.recordPost(deliveryId, channel, incident.processInstanceId(), Channel.SLACK, ts);
      }
      if (!thread.openedNow()) {
        updateRoot(channel, thread.ts(), root);
      }
      destinations.add("Slack " + channel);
    }
    return destinations;
  }

  /** The incident's thread in channel; this delivery opens it when it is the first to claim it. */
  private Opened thread(String deliveryId, IncidentSnapshot incident, String channel, String root) {
    String incidentId = incident.processInstanceId();
    ChatLog.Thread thread = log.thread(incidentId, channel);
    if (thread == null) {
      log.claimThread(incidentId, channel, deliveryId);
      thread = log.thread(incidentId, channel);
    }
    if (thread.ts() != null) {
      return new Opened(thread.ts(), false);
    }
    if (!thread.openedBy().equals(deliveryId)) {
      // Another delivery of this incident is opening the thread right now: follow it into the thread.
      throw DeliveryFailure.temporary(
          "The Slack thread of " + incident.number() + " in channel " + channel + " is being opened by delivery "
              + thread.openedBy() + "; this reply follows once it is open",
          WAIT_FOR_THREAD, null);
    }
    String ts = slack.postMessage(channel, root, null);
    log.threadOpened(incidentId, channel, ts);
    return new Opened(ts, true);
  }

  /**
   * The root only sums up the thread: when Slack refuses to change it (someone deleted it), the
   * reply that carries the facts is out, so the delivery still succeeds.
   */
  private void updateRoot(String channel, String ts, String root) {
    try {
      slack.update(channel, ts, root);
    } catch (DeliveryFailure failure) {
      if (!failure.isPermanent()) {
        throw failure;
      }
      LOG.warn("Root message {} in Slack channel {} was not updated: {}", ts, channel, failure.getMessage());
    }
  }

  private List<String> teams(String deliveryId, IncidentSnapshot incident, ChatNotice notice, List<String> roles) {
    List<String> destinations = new ArrayList<>();
    Map<String, Object> card = null;
    for (String role : roles) {
      if (!properties.teams().webhooks().containsKey(role)) {
        continue;
      }
      String destination = "Teams " + role;
      if (!log.posted(deliveryId, destination)) {
        card = card == null ? TeamsCards.message(notice) : card;
        teams.post(role, card);
        log.recordPost(deliveryId, destination, incident.processInstanceId(), Channel.TEAMS, null);
      }
      destinations.add(destination);
    }
    return destinations;
  }

  private ChatNotice chatNotice(Notice notice, List<String> mentions) {
    Locale locale = notificationProperties.locale();
    return new ChatNotice(
        notice.subject(),
        notice.view(),
        new ChatNotice.Labels(
            texts.message("mail.label.step", locale),
            texts.message("mail.label.openTasks", locale),
            texts.message("field." + Variables.PRIORITY, locale)),
        mentions);
  }

  /** Slack ids of the people named in the audience and of those holding an open step. */
  private List<String> mentions(Audience audience, IncidentSnapshot incident) {
    Set<String> users = new LinkedHashSet<>(audience.people());
    for (OpenTask task : incident.openTasks()) {
      if (task.assignee() != null) {
        users.add(task.assignee());
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String user : users) {
      String id = people.info(user, SLACK_USER_INFO);
      if (!ChatProperties.isSlackUserId(id)) {
        id = properties.slack().users().get(user);
      }
      if (ChatProperties.isSlackUserId(id)) {
        ids.add(id);
      }
    }
    return List.copyOf(ids);
  }

  private record Opened(String ts, boolean openedNow) {}
}
