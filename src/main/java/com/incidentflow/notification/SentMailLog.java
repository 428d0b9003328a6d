package com.incidentflow.notification;

import java.util.Collection;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Records every sent notification as a comment on its incident, so the evidence trail shows who
 * was told what and when. Written in the sending transaction: no record without the send's commit.
 */
@Component
public class SentMailLog {

  public static final String PREFIX = "Mail sent: ";

  private final TaskService tasks;

  public SentMailLog(TaskService tasks) {
    this.tasks = tasks;
  }

  public void record(String processInstanceId, String subject, Collection<String> to) {
    tasks.createComment(null, processInstanceId, PREFIX + subject + " → " + String.join(", ", to));
  }
}
