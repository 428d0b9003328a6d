package com.incidentflow.process.step;

import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Validates the start form when an incident is reported, and a user task when it is completed.
 * Attached by {@link StepValidationPlugin}; a refusal rolls the completion back, so the task stays
 * open.
 *
 * <p>It listens to the task's execution ending, not to the task's "complete" event: the engine wraps
 * task-listener exceptions into a generic error (REST 500), while this one reaches the caller as a
 * form validation error (REST 400). A step that ends because it was cancelled is not validated.
 */
@Component
public class StepValidationListener implements ExecutionListener {

  private final StepValidator validator;
  private final IdentityService identity;

  public StepValidationListener(StepValidator validator, IdentityService identity) {
    this.validator = validator;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    FlowElement element = execution.getBpmnModelElementInstance();
    String formId = null;
    if (element instanceof UserTask task) {
      formId = task.getCamundaFormRef();
    } else if (element instanceof StartEvent start) {
      formId = start.getCamundaFormRef();
    }
    if (formId != null) {
      validator.validate(
          element.getName() != null ? element.getName() : element.getId(),
          formId,
          new StepValues(execution::getVariable),
          (String) execution.getVariable(Variables.INCIDENT_NUMBER),
          identity.getCurrentAuthentication() == null ? null : identity.getCurrentAuthentication().getUserId());
    }
  }
}
