package com.incidentflow.process.step;

import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.EngineAccess;
import com.incidentflow.process.engine.ProcessStep;
import com.incidentflow.process.engine.StepContext;
import org.springframework.stereotype.Component;

/**
 * Validates the start form when an incident is reported, and a user task when it is completed.
 * Attached to every user task and the process start by config.EnginePlugins; a refusal rolls the completion back, so the task stays
 * open.
 *
 * <p>It listens to the task's execution ending, not to the task's "complete" event: the engine wraps
 * task-listener exceptions into a generic error (REST 500), while this one reaches the caller as a
 * form validation error (REST 400). A step that ends because it was cancelled is not validated.
 */
@Component
public class StepValidationListener implements ProcessStep {

  private final StepValidator validator;
  private final EngineAccess engine;

  public StepValidationListener(StepValidator validator, EngineAccess engine) {
    this.validator = validator;
    this.engine = engine;
  }

  @Override
  public void run(StepContext step) {
    if (step.isCanceled()) {
      return;
    }
    String formId = step.formId();
    if (formId != null) {
      validator.validate(
          step.activityName() != null ? step.activityName() : step.activityId(),
          formId,
          new StepValues(step::value),
          step.text(Variables.INCIDENT_NUMBER),
          engine.currentUserId());
    }
  }
}
