package com.incidentflow.process.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.incidentflow.api.FieldProblem;
import com.incidentflow.process.IncidentProcess.Forms;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The form rules of a step, from the deployed .form files, without an engine: dates and choices. */
class StepValidatorTest {

  // No rule checked here looks up another incident, so the directory is never asked.
  private final StepValidator validator = new StepValidator(new FormCatalog(), new StepRules(null));

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-25T09:30+09:00", "2026-11-25T09:30:00Z", "2026-11-25T09:30", "2026-11-25T09:30:15.5"})
  void shouldTakeADateAndTimeWithOrWithoutOffset(String text) {
    assertThat(StepValidator.isDateTime(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-25", "yesterday", "25/11/2026 09:30", "2026-11-25 09:30", "09:30"})
  void shouldRefuseWhatIsNoDateAndTime(String text) {
    assertThat(StepValidator.isDateTime(text)).isFalse();
  }

  @Test
  void shouldNameTheDateFieldThatIsNoDateAndTime() {
    Map<String, Object> report = report();
    report.put(Variables.OCCURRED_AT, "yesterday");

    assertThat(refusal(Forms.INCIDENT_REPORTED, report))
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(tuple(Variables.OCCURRED_AT, "'発生日時 / When it happened' must be a date and time such as 2026-11-25T09:30+09:00"));
  }

  @Test
  void shouldRefuseAChoiceTheFormDoesNotOffer() {
    Map<String, Object> report = report();
    report.put(Variables.REPORT_SOURCE, "PIGEON");

    assertThat(refusal(Forms.INCIDENT_REPORTED, report))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.field()).isEqualTo(Variables.REPORT_SOURCE);
          assertThat(p.message()).isEqualTo("'報告元 / Reported by' must be one of [CLIENT, CS, MONITORING, ENGINEER, OTHER], not 'PIGEON'");
        });
  }

  @Test
  void shouldNameEveryMissingRequiredFieldAtOnce() {
    Map<String, Object> report = report();
    report.remove(Variables.TITLE);
    report.put(Variables.USER_ACTION, " ");

    assertThat(refusal(Forms.INCIDENT_REPORTED, report))
        .extracting(FieldProblem::field)
        .containsExactly(Variables.TITLE, Variables.USER_ACTION);
  }

  @Test
  void shouldAcceptACompleteReport() {
    validator.validate("Incident reported", Forms.INCIDENT_REPORTED, new StepValues(report()::get), null, "emma");
  }

  @Test
  void shouldSayWhichStepCannotBeCompletedAndKeepEachProblemsWording() {
    Map<String, Object> report = report();
    report.put(Variables.TITLE, "x".repeat(201));

    assertThatThrownBy(() -> validator.validate("Incident reported", Forms.INCIDENT_REPORTED, new StepValues(report::get), null, "emma"))
        .isInstanceOf(StepValidationException.class)
        .hasMessage("'Incident reported' cannot be completed: '件名 / Title' is longer than 200 characters");
  }

  private java.util.List<FieldProblem> refusal(String form, Map<String, Object> values) {
    try {
      validator.validate("step", form, new StepValues(values::get), null, "emma");
    } catch (StepValidationException refused) {
      return refused.problems();
    }
    throw new AssertionError("the values were accepted: " + values);
  }

  private static Map<String, Object> report() {
    Map<String, Object> values = new HashMap<>();
    values.put(Variables.TITLE, "Invoices cannot be saved");
    values.put(Variables.REPORT_SOURCE, "CLIENT");
    values.put(Variables.USER_ACTION, "Saved an invoice");
    values.put(Variables.OCCURRED_AT, "2026-11-25T09:12:00+09:00");
    return values;
  }
}
