package com.incidentflow.notification.chat;

import com.incidentflow.notification.MailRenderer.Fact;
import com.incidentflow.notification.MailRenderer.MailView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A notification as the message a Teams Workflow webhook posts: one Adaptive Card (1.4) with the
 * same facts as the mail and buttons to Tasklist, Cockpit and the report. Card text is a Markdown
 * subset, so what a person typed has its Markdown characters backslash-escaped: a typed
 * [link](…), **bold** or list marker stays text. A typed &lt;at&gt; is no mention either: Teams
 * mentions need an entity in the card, and it has none.
 */
public final class TeamsCards {

  /** What the card's Markdown subset (bold, italic, strike, code, links) reads; brackets start links. */
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_`~\\[\\]])");
  private static final Pattern LINE_START_LIST = Pattern.compile("(?m)^(\\s*)([-+]|\\d+\\.)(\\s)");

  private TeamsCards() {}

  public static Map<String, Object> message(ChatNotice notice) {
    MailView view = notice.view();
    List<Object> body = new ArrayList<>();
    body.add(text(escape(notice.subject()), "Bolder", "Medium"));
    body.add(text(escape(view.headline()), null, null));
    body.add(text(escape(view.ask()), null, null));
    List<Object> status = new ArrayList<>();
    if (view.step() != null && !view.step().isBlank()) {
      status.add(fact(notice.labels().step(), view.step()));
    }
    boolean priorityAmongFacts = view.facts().stream().anyMatch(fact -> fact.label().equals(notice.labels().priority()));
    if (view.priority() != null && !priorityAmongFacts) {
      status.add(fact(notice.labels().priority(), view.priority()));
    }
    for (Fact fact : view.facts()) {
      status.add(fact(fact.label(), fact.value()));
    }
    body.add(ordered("type", "FactSet", "facts", status));
    if (!view.openTasks().isEmpty()) {
      body.add(text(escape(notice.labels().openTasks()), "Bolder", null));
      List<Object> open = new ArrayList<>();
      for (String task : view.openTasks()) {
        open.add(text("• " + escape(task), null, null));
      }
      body.add(ordered("type", "Container", "items", open));
    }
    List<Object> actions = List.of(
        openUrl(view.tasklistLabel(), view.tasklistUrl()),
        openUrl(view.cockpitLabel(), view.cockpitUrl()),
        openUrl(view.reportLabel(), view.reportUrl()));
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    card.put("body", body);
    card.put("actions", actions);
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.put("contentUrl", null);
    attachment.put("content", card);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "message");
    message.put("attachments", List.of(attachment));
    return message;
  }

  /** Adaptive Card Markdown characters backslash-escaped, list markers at line starts defused. */
  public static String escape(String typed) {
    if (typed == null) {
      return "";
    }
    String escaped = MARKDOWN.matcher(typed).replaceAll("\\\\$1");
    return LINE_START_LIST.matcher(escaped).replaceAll(match -> {
      String marker = match.group(2);
      String defused = marker.endsWith(".") ? marker.substring(0, marker.length() - 1) + "\\." : "\\" + marker;
      return java.util.regex.Matcher.quoteReplacement(match.group(1) + defused + match.group(3));
    });
  }

  private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key1, value1);
    map.put(key2, value2);
    return map;
  }

  private static Map<String, Object> text(String text, String weight, String size) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "TextBlock");
    block.put("text", text);
    block.put("wrap", true);
    if (weight != null) {
      block.put("weight", weight);
    }
    if (size != null) {
      block.put("size", size);
    }
    return block;
  }

  private static Map<String, Object> fact(String title, String value) {
    Map<String, Object> fact = new LinkedHashMap<>();
    fact.put("title", escape(title));
    fact.put("value", escape(value));
    return fact;
  }

  private static Map<String, Object> openUrl(String title, String url) {
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("type", "Action.OpenUrl");
    action.put("title", title);
    action.put("url", url);
    return action;
  }
}
