package com.incidentflow.process;

import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.StepContext;
import java.util.Arrays;
import java.util.List;

/**
 * The authors of the changes suspected on "Confirm the situation", offered the investigation as
 * candidate users ({@code ${changeAuthorsToAsk.of(execution)}}, process.engine.ModelExpressions):
 * the first people to ask.
 */
public final class SuspectedChangeAuthors {

  private SuspectedChangeAuthors() {}

  /** Empty when no change was suspected (or its authors are not users here). */
  public static List<String> of(StepContext incident) {
    Object authors = incident.variable(Variables.SUSPECTED_CHANGE_AUTHORS);
    if (!(authors instanceof String text) || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(user -> !user.isEmpty()).toList();
  }
}
