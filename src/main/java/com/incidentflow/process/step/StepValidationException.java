package com.incidentflow.process.step;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A step was submitted without what it needs. Extends the engine's form validation exception so
 * that Tasklist and the REST API answer 400 with this message and the task stays open.
 */
public class StepValidationException extends FormFieldValidationException {

  private final List<String> problems;

  public StepValidationException(String stepName, List<String> problems) {
    super(problems, "'" + stepName + "' cannot be completed: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
