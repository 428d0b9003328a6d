package com.incidentflow.process.engine;

import com.incidentflow.process.IncidentProcess.Variables;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An incident as it stood at one moment: its number, its process instance, the values recorded so
 * far and its open steps. Taken when a notification is sent, and what the notification may tell.
 */
public record IncidentSnapshot(
    String number,
    String processInstanceId,
    Map<String, Object> values,
    String step,
    List<OpenTask> openTasks) {

  public IncidentSnapshot {
    values = Map.copyOf(values);
    openTasks = List.copyOf(openTasks);
  }

  /** A step of the incident that is waiting for someone. */
  public record OpenTask(String id, String name, String assignee) {}

  public String text(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return value.toString();
  }

  public String title() {
    return text(Variables.TITLE);
  }

  public String priority() {
    return text(Variables.PRIORITY);
  }
}
