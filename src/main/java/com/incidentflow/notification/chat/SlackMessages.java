package com.incidentflow.notification.chat;

import com.incidentflow.notification.MailRenderer.Fact;
import com.incidentflow.notification.MailRenderer.MailView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Slack mrkdwn texts of an incident: its root message (what it is, its step and priority now)
 * and one thread reply per notification. Everything a person typed is escaped: Slack reads
 * {@code <…>} as links and mentions ({@code <!channel>}, {@code <@U…>}), so &amp;, &lt; and &gt;
 * are sent as entities, and a typed @here, @channel or @everyone is broken with a zero-width space.
 */
public final class SlackMessages {

  private static final Pattern BROADCAST = Pattern.compile("@(here|channel|everyone)\\b", Pattern.CASE_INSENSITIVE);

  private SlackMessages() {}

  /** The root message of the incident's thread, posted once and updated with every notification. */
  public static String root(ChatNotice notice) {
    MailView view = notice.view();
    List<String> lines = new ArrayList<>();
    lines.add("*" + escape(header(view)) + "*");
    List<String> status = new ArrayList<>();
    if (view.step() != null && !view.step().isBlank()) {
      status.add("*" + escape(notice.labels().step()) + ":* " + escape(view.step()));
    }
    if (view.priority() != null) {
      status.add("*" + escape(notice.labels().priority()) + ":* " + escape(view.priority()));
    }
    if (!status.isEmpty()) {
      lines.add(String.join("  ·  ", status));
    }
    if (!view.openTasks().isEmpty()) {
      lines.add("*" + escape(notice.labels().openTasks()) + ":* " + escape(String.join("; ", view.openTasks())));
    }
    lines.add(links(view));
    return String.join("\n", lines);
  }

  /** One notification, as a reply in the incident's thread. */
  public static String reply(ChatNotice notice) {
    MailView view = notice.view();
    List<String> lines = new ArrayList<>();
    lines.add("*" + escape(view.headline()) + "*");
    lines.add(escape(view.ask()));
    if (!notice.mentions().isEmpty()) {
      lines.add(String.join(" ", notice.mentions().stream().map(id -> "<@" + id + ">").toList()));
    }
    if (view.step() != null && !view.step().isBlank()) {
      lines.add("*" + escape(notice.labels().step()) + ":* " + escape(view.step()));
    }
    if (!view.openTasks().isEmpty()) {
      lines.add("*" + escape(notice.labels().openTasks()) + ":*");
      view.openTasks().forEach(task -> lines.add("• " + escape(task)));
    }
    for (Fact fact : view.facts()) {
      lines.add("*" + escape(fact.label()) + ":* " + escape(fact.value()));
    }
    lines.add(links(view));
    return String.join("\n", lines);
  }

  /** Text for Slack's mrkdwn: control characters &amp;, &lt;, &gt; as entities, broadcasts defused. */
  public static String escape(String typed) {
    if (typed == null) {
      return "";
    }
    String escaped = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return BROADCAST.matcher(escaped).replaceAll("@\u200B$1");
  }

  /** A link whose label cannot end it early and whose address cannot be cut by a typed "|". */
  static String link(String url, String label) {
    String address = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C");
    return "<" + address + "|" + escape(label).replace("|", "¦") + ">";
  }

  private static String header(MailView view) {
    String priority = view.priority() == null ? "" : "[" + view.priority() + "]";
    String title = view.title() == null ? "" : view.title().replaceAll("[\\r\\n]+", " ").strip();
    return "[" + view.number() + "]" + priority + " " + title;
  }

  private static String links(MailView view) {
    return link(view.tasklistUrl(), view.tasklistLabel()) + "  ·  " + link(view.cockpitUrl(), view.cockpitLabel())
        + "  ·  " + link(view.reportUrl(), view.reportLabel());
  }
}
