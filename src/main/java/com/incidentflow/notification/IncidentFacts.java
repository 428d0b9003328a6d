package com.incidentflow.notification;

import com.incidentflow.process.IncidentProcess.Variables;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a notification may tell about an incident: its number, its process instance and the values
 * recorded so far, taken when the notification is sent.
 */
public record IncidentFacts(
    String number,
    String processInstanceId,
    Map<String, Object> values,
    String step,
    List<OpenTask> openTasks) {

  public IncidentFacts {
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
