package com.incidentflow.timeline;

import com.incidentflow.config.TemplateEngines;
import com.incidentflow.localization.TeamTime;
import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.timeline.IncidentReportView.Line;
import com.incidentflow.timeline.IncidentReportView.Section;
import com.incidentflow.timeline.IncidentReportView.Step;
import com.incidentflow.timeline.TimelineEntry.Field;
import com.incidentflow.timeline.TimelineEntry.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Turns an incident's timeline into its report: summary, impact, timeline, first response, root
 * cause and reproduction, fix and review, client contacts, lessons and follow-ups. Headings follow
 * the team's locale; everything a person typed is escaped in the HTML and neutralised in Markdown.
 */
@Service
public class IncidentReportService {

  private final TimelineService timelines;
  private final TeamSettings team;
  private final TeamTime time;
  private final ResourceBundleMessageSource messages = TemplateEngines.messages("i18n/report");
  private final SpringTemplateEngine engine = TemplateEngines.create("report", ".md", messages);

  public IncidentReportService(TimelineService timelines, TeamSettings team, TeamTime time) {
    this.timelines = timelines;
    this.team = team;
    this.time = time;
  }

  public Optional<String> markdown(String number) {
    return report(number).map(report -> render("incident-report.md", report));
  }

  public Optional<String> html(String number) {
    return report(number).map(report -> render("incident-report.html", report));
  }

  public Optional<IncidentReportView> report(String number) {
    return timelines.of(number).map(this::report);
  }

  IncidentReportView report(Timeline timeline) {
    Locale locale = team.locale();
    List<TimelineEntry> entries = timeline.entries();
    TimelineEntry reported = entries.get(0);
    String status =
        !timeline.open() ? entries.get(entries.size() - 1).text() : text("report.status.open", locale);
    List<Section> sections = new ArrayList<>();
    sections.add(section("report.summary", entries, step(Tasks.WRAP_UP), Set.of(Variables.WRAP_UP_SUMMARY), locale));
    sections.add(section("report.impact", entries, step(Tasks.PROVISIONAL_IMPACT).or(step(Tasks.CONFIRM_IMPACT)), Set.of(), locale));
    sections.add(section("report.firstResponse", entries, step(Tasks.FIRST_RESPONSE), Set.of(), locale));
    sections.add(section("report.rootCause", entries,
        step(Tasks.CONFIRM_SITUATION).or(step(Tasks.INVESTIGATE)).or(step(Tasks.SPECIALIST_HELP)).or(e -> e.kind() == Kind.EVIDENCE), Set.of(), locale));
    sections.add(section("report.fix", entries, step(Tasks.PERMANENT_FIX).or(step(Tasks.REVIEW_FIX)), Set.of(), locale));
    sections.add(section("report.clientContacts", entries, step(Tasks.CONTACT_CLIENT), Set.of(), locale));
    sections.add(section("report.lessons", entries, step(Tasks.WRAP_UP), Set.of(Variables.LESSONS_LEARNED, Variables.FOLLOW_UP_ACTIONS), locale));
    List<Line> lines = entries.stream()
        .map(e -> new Line(time.format(e.at().toInstant(), locale), e.actor() == null ? "" : e.actor(), what(e, locale), detail(e)))
        .toList();
    return new IncidentReportView(
        timeline.number(),
        timeline.latest(Variables.TITLE).orElse(""),
        timeline.latest(Variables.PRIORITY).orElse("—"),
        status,
        time.format(reported.at().toInstant(), locale) + (reported.actor() == null ? "" : " — " + reported.actor()),
        timeline.open() ? "—" : time.format(entries.get(entries.size() - 1).at().toInstant(), locale),
        sections,
        lines);
  }

  private static Predicate<TimelineEntry> step(String id) {
    return entry -> entry.kind() == Kind.STEP && id.equals(entry.step());
  }

  /** A section of the steps chosen; with only, just those fields of each. */
  private Section section(String heading, List<TimelineEntry> entries, Predicate<TimelineEntry> chosen, Set<String> only, Locale locale) {
    List<Step> steps = new ArrayList<>();
    for (TimelineEntry entry : entries) {
      if (!chosen.test(entry)) {
        continue;
      }
      List<Field> fields = entry.fields().stream().filter(f -> only.isEmpty() || only.contains(f.name())).toList();
      String by = entry.actor() == null ? "" : " — " + entry.actor();
      if (entry.kind() == Kind.EVIDENCE) {
        steps.add(new Step(entry.fields().get(0).value() + by + " (" + time.format(entry.at().toInstant(), locale) + ")", List.of(), entry.text()));
      } else if (!fields.isEmpty()) {
        steps.add(new Step(entry.text() + by + " (" + time.format(entry.at().toInstant(), locale) + ")", fields, null));
      }
    }
    return new Section(text(heading, locale), steps);
  }

  private String what(TimelineEntry entry, Locale locale) {
    return switch (entry.kind()) {
      case EVIDENCE -> entry.fields().get(0).value();
      case COMMENT, NOTIFICATION, ATTACHMENT -> text("report.kind." + entry.kind().name(), locale);
      default -> entry.text();
    };
  }

  private static String detail(TimelineEntry entry) {
    return switch (entry.kind()) {
      case EVIDENCE, COMMENT, NOTIFICATION, ATTACHMENT -> entry.text();
      case DECISION, ETA -> String.join(", ", entry.fields().stream().map(f -> f.label() + ": " + f.value()).toList());
      default -> "";
    };
  }

  private String render(String template, IncidentReportView report) {
    Context context = new Context(team.locale());
    context.setVariable("report", report);
    context.setVariable("md", new MarkdownText());
    return engine.process(template, context);
  }

  private String text(String code, Locale locale) {
    return messages.getMessage(code, null, code, locale);
  }

  /**
   * Keeps typed text from turning into markup when the Markdown is rendered elsewhere: no HTML, no
   * link or image ("[text](url)"), no table cell break ("|"), no emphasis or code, no heading,
   * quote or list at the start. Backslash escapes render as the characters themselves.
   */
  public static final class MarkdownText {
    public String inline(String text) {
      if (text == null) {
        return "";
      }
      String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
          .replaceAll("([\\\\`*_\\[\\]|!~])", "\\\\$1")
          .replaceAll("\\r?\\n", "<br>");
      return escaped.replaceFirst("^(\\s*)([#+\\-=])", "$1\\\\$2").replaceFirst("^(\\s*\\d+)([.)])", "$1\\\\$2");
    }
  }
}
