package com.incidentflow.process.engine;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Writes to an incident's comments, the store of its evidence trail, its links and what was sent
 * (docs/adr): the timeline reads them back.
 */
@Component
public class IncidentComments {

  private final TaskService tasks;

  public IncidentComments(TaskService tasks) {
    this.tasks = tasks;
  }

  /** A comment on the incident as a whole. */
  public void add(String processInstanceId, String text) {
    tasks.createComment(null, processInstanceId, text);
  }

  /** A comment that belongs to one of the incident's steps (null: the incident as a whole). */
  public void add(String stepId, String processInstanceId, String text) {
    tasks.createComment(stepId, processInstanceId, text);
  }
}
