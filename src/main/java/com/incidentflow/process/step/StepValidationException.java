package com.incidentflow.process.step;

import com.incidentflow.api.FieldProblem;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A step was submitted without what it needs. Extends the engine's form validation exception so
 * that Tasklist and the REST API answer 400 with this message and the task stays open. Each
 * problem names the form field at fault by its key, so the API can say which one without
 * reading the wording.
 */
public class StepValidationException extends FormFieldValidationException {

  private final List<FieldProblem> problems;

  public StepValidationException(String stepName, List<FieldProblem> problems) {
    super(
        problems.stream().map(FieldProblem::message).toList(),
        "'" + stepName + "' cannot be completed: " + String.join("; ", problems.stream().map(FieldProblem::message).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
