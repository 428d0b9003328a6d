package com.incidentflow.process.step;

import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Validates a user task when it is completed, and the start form when an incident is reported.
 * Attached to every user task and form start event by {@link StepValidationPlugin}; a refusal rolls
 * the completion back, so the task stays open.
 */
@Component
public class StepValidationListener implements TaskListener, ExecutionListener {

  private final StepValidator validator;

  public StepValidationListener(StepValidator validator) {
    this.validator = validator;
  }

  @Override
  public void notify(DelegateTask task) {
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    String formId = element.getCamundaFormRef();
    if (formId != null) {
      validator.validate(
          nameOf(element),
          formId,
          new StepValues(task::getVariable),
          (String) task.getVariable(Variables.INCIDENT_NUMBER));
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getBpmnModelElementInstance() instanceof StartEvent start
        && start.getCamundaFormRef() != null) {
      validator.validate(
          nameOf(start), start.getCamundaFormRef(), new StepValues(execution::getVariable), null);
    }
  }

  private static String nameOf(FlowElement element) {
    return element.getName() != null ? element.getName() : element.getId();
  }
}
