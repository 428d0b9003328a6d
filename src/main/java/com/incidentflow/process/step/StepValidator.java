package com.incidentflow.process.step;

import com.incidentflow.api.FieldProblem;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a step's submitted values against its form (required, length, allowed choices, dates) and
 * the step's rules. Camunda Forms validate only in the browser; this holds for every client.
 */
@Component
public class StepValidator {

  private final FormCatalog forms;
  private final StepRules rules;

  public StepValidator(FormCatalog forms, StepRules rules) {
    this.forms = forms;
    this.rules = rules;
  }

  /**
   * @param actor who completes the step, if known
   * @throws StepValidationException listing every problem, so a person can fix all at once
   */
  public void validate(String stepName, String formId, StepValues values, String incidentNumber, String actor) {
    StepForm form =
        forms
            .find(formId)
            .orElseThrow(
                () -> new IllegalStateException("Step '" + stepName + "' refers to unknown form " + formId));
    List<FieldProblem> problems = new ArrayList<>();
    for (FormField field : form.fields()) {
      if (!field.readonly()) {
        checkField(field, values, problems);
      }
    }
    problems.addAll(rules.check(form, values, incidentNumber, actor));
    if (!problems.isEmpty()) {
      throw new StepValidationException(stepName, problems);
    }
  }

  private static void checkField(FormField field, StepValues values, List<FieldProblem> problems) {
    String label = "'" + field.label() + "'";
    if (values.isBlank(field.key())) {
      if (field.required() && !field.conditional()) {
        problems.add(new FieldProblem(field.key(), label + " is required"));
      }
      return;
    }
    Object value = values.get(field.key());
    if (field.required() && "checkbox".equals(field.type()) && !Boolean.TRUE.equals(value)) {
      problems.add(new FieldProblem(field.key(), label + " must be checked"));
    }
    if (field.choice()) {
      // The choices offered: fixed in the form, or this incident's own (valuesKey).
      List<String> allowed = field.valuesKey() == null ? field.allowedValues() : values.choices(field.valuesKey());
      List<String> chosen = field.multiple() ? values.list(field.key()) : value instanceof String text ? List.of(text) : List.of();
      if (field.valuesKey() != null || !allowed.isEmpty()) {
        chosen.stream().filter(v -> !allowed.contains(v)).findFirst().ifPresent(v ->
            problems.add(new FieldProblem(field.key(), label + " must be " + (field.multiple() ? "among " : "one of ") + allowed + ", not '" + v + "'")));
      }
    }
    if (value instanceof String text) {
      if (field.maxLength() != null && text.length() > field.maxLength()) {
        problems.add(new FieldProblem(field.key(), label + " is longer than " + field.maxLength() + " characters"));
      }
      if ("datetime".equals(field.type()) && !isDateTime(text)) {
        problems.add(new FieldProblem(field.key(), label + " must be a date and time such as 2026-11-25T09:30+09:00"));
      }
    }
  }

  static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException notWithOffset) {
      try {
        LocalDateTime.parse(text);
        return true;
      } catch (DateTimeParseException notLocal) {
        return false;
      }
    }
  }
}
