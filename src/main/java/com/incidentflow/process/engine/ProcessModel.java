package com.incidentflow.process.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.springframework.stereotype.Component;

/** What the deployed models say about themselves: their steps and the names people read, and their decisions. */
@Component
public class ProcessModel {

  private final RepositoryService repository;
  private final DecisionService decisions;

  public ProcessModel(RepositoryService repository, DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The id of the latest deployed version of a decision table (no tenant). */
  public String latestDecisionId(String decisionKey) {
    return repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey)
        .withoutTenantId()
        .latestVersion()
        .singleResult()
        .getId();
  }

  /** One version of a decision table's single result for these inputs, output name to value. */
  public Map<String, Object> decide(String decisionId, Map<String, Object> inputs) {
    return decisions.evaluateDecisionById(decisionId).variables(inputs).evaluate().getSingleResult().getEntryMap();
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
