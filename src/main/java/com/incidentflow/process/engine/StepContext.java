package com.incidentflow.process.engine;

import java.util.function.Supplier;

/** The running incident as a step sees it: its variables and where it stands. */
public interface StepContext {

  /** The variable as the engine resolves it from this scope outwards; null when unset. */
  Object variable(String name);

  /**
   * The variable as a form's values are read: a JSON value (a checklist Tasklist sent) as Jackson's
   * {@code JsonNode}, anything else as {@link #variable}.
   */
  Object value(String name);

  default String text(String name) {
    Object value = variable(name);
    return value == null ? null : value.toString();
  }

  /** Sets the variable where the engine would: in the nearest scope that has it, else the instance. */
  void setVariable(String name, Object value);

  /** A JSON variable (the forms read it as JSON, e.g. a checklist's options). */
  void setJsonVariable(String name, String json);

  String processInstanceId();

  /** The name of the element the step runs on (a mail names the step it comes from). */
  String activityName();

  /** The id of the element the step runs on, e.g. UserTask_JudgeUrgency. */
  String activityId();

  /** The form the element shows (its camunda:formRef), for a user task or a start event; else null. */
  String formId();

  /** The element ends because it was cancelled (an interrupting event, a deleted instance), not completed. */
  boolean isCanceled();

  /** Only for steps on the process's start: the incident's number becomes its business key. */
  void setBusinessKey(String businessKey);

  /** Runs work the step decided on its own, without the current user's authorization checks. */
  <T> T withoutAuthorization(Supplier<T> work);
}
