package com.incidentflow.notification;

import com.incidentflow.localization.TeamTime;
import com.incidentflow.notification.IncidentFacts.OpenTask;
import com.incidentflow.notification.MailRenderer.Fact;
import com.incidentflow.notification.MailRenderer.MailView;
import com.incidentflow.notification.MailRenderer.Rendered;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.security.Groups;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Who is told what at each hand-over of an incident. Sending fails loudly when nobody would receive
 * a mail: an incident nobody hears about is worse than a retried job.
 */
@Service
public class IncidentNotifications {

  private static final Set<String> DURATIONS =
      Set.of(
          Variables.JUDGEMENT_TARGET, Variables.FIRST_RESPONSE_TARGET,
          Variables.STATUS_UPDATE_INTERVAL, Variables.RESOLVE_TARGET);

  /** Stored as ISO-8601; the reader gets them in the team's zone and words. */
  private static final Set<String> TIMES = Set.of(Variables.OCCURRED_AT, Variables.ETA, Variables.CLIENT_DEADLINE);

  private final RecipientDirectory recipients;
  private final MailRenderer renderer;
  private final MailGateway gateway;
  private final NotificationProperties properties;
  private final SentMailLog log;
  private final TeamTime time;

  public IncidentNotifications(
      RecipientDirectory recipients,
      MailRenderer renderer,
      MailGateway gateway,
      NotificationProperties properties,
      SentMailLog log,
      TeamTime time) {
    this.recipients = recipients;
    this.renderer = renderer;
    this.gateway = gateway;
    this.properties = properties;
    this.log = log;
    this.time = time;
  }

  /**
   * Sends one queued notification (see {@link NotificationOutbox}) unless it was sent before: a job
   * run again after a crash or a lost race finds the record made right after the SMTP server took it.
   *
   * @param participants who worked on the incident; read only for status reminders and resolutions
   */
  public void deliver(String deliveryId, MailKind kind, IncidentFacts incident, Supplier<Collection<String>> participants) {
    if (log.wasSent(deliveryId)) {
      return;
    }
    send(deliveryId, kind, incident, recipients(kind, incident, participants));
  }

  /**
   * Who a notification is for: the groups (roles) it goes to, the people on the case, and the groups
   * that hear it when none of those people can be reached. Mail and chat share it, so both tell the
   * same people.
   */
  public Audience audience(MailKind kind, IncidentFacts incident, Supplier<Collection<String>> participants) {
    return switch (kind) {
      // The manager hears of the incident before anyone judges it (上長に報告).
      case MANAGER_REPORT, JUDGEMENT_OVERDUE, FIRST_RESPONSE_OVERDUE -> Audience.of(Groups.MANAGERS);
      // Engineers respond within the targets; CS negotiate with clients around them.
      case PRIORITY_DECIDED -> Audience.of(Groups.ENGINEERS, Groups.CS);
      case HELP_REQUESTED -> Audience.of(incident.text(Variables.HELP_GROUP));
      // Who made a suspected change is the first person to ask (状況の確認 3).
      case CHANGE_AUTHOR_ASKED -> {
        String authors = incident.text(Variables.SUSPECTED_CHANGE_AUTHORS);
        yield new Audience(List.of(), authors == null ? List.of() : List.of(authors.split(",")), List.of());
      }
      // The engineers holding the case; while nobody holds it, all engineers.
      case STATUS_UPDATE_DUE -> new Audience(List.of(), List.copyOf(participants.get()), List.of(Groups.ENGINEERS));
      // Monitoring says the alert resolved: the engineers holding the case decide what that means;
      // while nobody holds it, all engineers.
      case ALERT_RESOLVED -> new Audience(List.of(), List.copyOf(participants.get()), List.of(Groups.ENGINEERS));
      // CS negotiate deadlines with clients: every changed ETA reaches them.
      case ETA_CHANGED -> Audience.of(Groups.CS);
      // CS contact the clients; managers learn the final scope.
      case IMPACT_REPORTED -> Audience.of(Groups.MANAGERS, Groups.CS);
      // Everyone who worked a step or reported the incident, plus managers and CS.
      case RESOLVED -> new Audience(List.of(Groups.MANAGERS, Groups.CS), List.copyOf(participants.get()), List.of());
    };
  }

  private Set<String> recipients(MailKind kind, IncidentFacts incident, Supplier<Collection<String>> participants) {
    Audience audience = audience(kind, incident, participants);
    Set<String> to = new LinkedHashSet<>(recipients.ofUsers(audience.people()));
    to.addAll(recipients.ofGroups(audience.groups()));
    if (to.isEmpty()) {
      to.addAll(recipients.ofGroups(audience.fallbackGroups()));
    }
    return to;
  }

  /**
   * @param groups the roles told
   * @param people users told by name (mail to them, mentioned in chat)
   * @param fallbackGroups told instead when nobody of groups and people has an address; chat posts
   *     in their channels and mentions the people
   */
  public record Audience(List<String> groups, List<String> people, List<String> fallbackGroups) {

    static Audience of(String... groups) {
      return new Audience(List.of(groups), List.of(), List.of());
    }

    /** The roles whose chat channels receive the notification. */
    public List<String> roles() {
      List<String> roles = new ArrayList<>(groups);
      fallbackGroups.stream().filter(group -> !roles.contains(group)).forEach(roles::add);
      return roles;
    }
  }

  private void send(String deliveryId, MailKind kind, IncidentFacts incident, Set<String> to) {
    if (to.isEmpty()) {
      throw new NoRecipientException(
          "Nobody to send the " + kind + " mail of " + incident.number() + " to: "
              + "give the group members e-mail addresses or configure "
              + "incident-flow.notifications.group-addresses");
    }
    Locale locale = properties.locale();
    Rendered body = renderer.render(view(kind, incident, locale), locale);
    String subject = subject(kind, incident, locale);
    gateway.send(new OutgoingMail(List.copyOf(to), subject, body.text(), body.html()));
    // At once and in its own transaction: a crash or a rollback after this point must not send it again.
    log.record(deliveryId, incident.processInstanceId(), subject, to);
  }

  String subject(MailKind kind, IncidentFacts incident, Locale locale) {
    String priority = incident.priority() == null ? "" : "[" + incident.priority() + "]";
    String what = renderer.message("mail." + kind.messageKey() + ".subject", locale);
    return "[" + incident.number() + "]" + priority + " " + oneLine(incident.title()) + " — " + what;
  }

  /** What the mail of this kind says, for another channel to say the same in its own format. */
  public Notice notice(MailKind kind, IncidentFacts incident) {
    Locale locale = properties.locale();
    return new Notice(subject(kind, incident, locale), view(kind, incident, locale));
  }

  /** A notification's subject line and content, as the mail has them. */
  public record Notice(String subject, MailView view) {}

  private MailView view(MailKind kind, IncidentFacts incident, Locale locale) {
    List<Fact> facts = new ArrayList<>();
    for (String name : kind.facts()) {
      String value = incident.text(name);
      if (value != null && !value.isBlank()) {
        facts.add(new Fact(renderer.message("field." + name, locale), display(name, value, locale)));
      }
    }
    List<String> openTasks = new ArrayList<>();
    for (OpenTask task : incident.openTasks()) {
      String holder = task.assignee() == null ? renderer.message("mail.unassigned", locale) : task.assignee();
      openTasks.add(task.name() + " — " + holder);
    }
    String key = "mail." + kind.messageKey();
    return new MailView(
        incident.number(),
        incident.title(),
        incident.priority(),
        renderer.message(key + ".headline", locale, incident.number()),
        renderer.message(key + ".ask", locale),
        incident.step(),
        openTasks,
        facts,
        tasklistUrl(incident),
        properties.baseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + incident.processInstanceId() + "/runtime",
        properties.baseUrl() + "/api/incidents/" + incident.number() + "/report",
        renderer.message("mail.link.tasklist", locale),
        renderer.message("mail.link.cockpit", locale),
        renderer.message("mail.link.report", locale),
        renderer.message("mail.footer", locale));
  }

  /** Straight to the step when exactly one is open, else to the incident's steps in Tasklist. */
  private String tasklistUrl(IncidentFacts incident) {
    String tasklist = properties.baseUrl() + "/camunda/app/tasklist/default/#/";
    if (incident.openTasks().size() == 1) {
      return tasklist + "?task=" + incident.openTasks().get(0).id();
    }
    String search =
        "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
            + incident.number()
            + "\",\"name\":\"\"}]";
    return tasklist + "?searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
  }

  private String display(String name, String value, Locale locale) {
    if (DURATIONS.contains(name)) {
      return Durations.human(value, locale);
    }
    if (TIMES.contains(name)) {
      return time.formatStored(value, locale).orElse(value);
    }
    return renderer.messageOr("value." + value, value, locale);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
  }

  /** No address to send a notification to; the job fails and is retried, then shown in Cockpit. */
  public static class NoRecipientException extends RuntimeException {
    public NoRecipientException(String message) {
      super(message);
    }
  }
}
