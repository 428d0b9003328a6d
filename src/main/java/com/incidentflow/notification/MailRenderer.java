package com.incidentflow.notification;

import com.incidentflow.config.TemplateEngines;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders a notification's plain-text and HTML bodies from the templates in mail/, with texts from
 * i18n/mail*.properties. The HTML template escapes everything a person typed.
 */
@Component
public class MailRenderer {

  private final ResourceBundleMessageSource messages = TemplateEngines.messages("i18n/mail");
  private final SpringTemplateEngine engine = TemplateEngines.create("mail", ".txt", messages);

  public String message(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, locale);
  }

  /** The text for code, or fallback when the bundle has none. */
  public String messageOr(String code, String fallback, Locale locale) {
    return messages.getMessage(code, null, fallback, locale);
  }

  public Rendered render(MailView view, Locale locale) {
    Context context = new Context(locale);
    context.setVariable("mail", view);
    context.setVariable("labels", new Labels(message("mail.label.step", locale), message("mail.label.openTasks", locale)));
    return new Rendered(
        engine.process("notification.txt", context), engine.process("notification.html", context));
  }

  /**
   * What a notification says. {@code headline} and {@code ask} are complete sentences; facts are
   * label and value pairs in the reader's language.
   */
  public record MailView(
      String number,
      String title,
      String priority,
      String headline,
      String ask,
      String step,
      List<String> openTasks,
      List<Fact> facts,
      String tasklistUrl,
      String cockpitUrl,
      String reportUrl,
      String tasklistLabel,
      String cockpitLabel,
      String reportLabel,
      String footer) {}

  public record Fact(String label, String value) {}

  public record Labels(String step, String openTasks) {}

  public record Rendered(String text, String html) {}
}
