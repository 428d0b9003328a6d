package com.incidentflow.process.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.springframework.stereotype.Component;

/** What the deployed models say about themselves: their steps and the names people read. */
@Component
public class ProcessModel {

  private final RepositoryService repository;

  public ProcessModel(RepositoryService repository) {
    this.repository = repository;
  }

  /** Every task of the latest version at any depth (subprocesses too), id to name, in the model's order. */
  public Map<String, String> taskNames(String processKey) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(processKey)
        .latestVersion()
        .singleResult();
    Map<String, String> names = new LinkedHashMap<>();
    if (definition == null) {
      return names;
    }
    for (Task task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(Task.class)) {
      names.put(task.getId(), task.getName() != null ? task.getName() : task.getId());
    }
    return names;
  }
}
