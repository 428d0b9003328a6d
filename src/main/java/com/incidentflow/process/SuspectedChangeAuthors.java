package com.incidentflow.process;

import com.incidentflow.process.IncidentProcess.Variables;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The authors of the changes suspected on "Confirm the situation", offered the investigation as
 * candidate users ({@code ${changeAuthorsToAsk.of(execution)}}): the first people to ask.
 */
// Not named like the variable it reads: a variable shadows a bean in an expression.
@Component("changeAuthorsToAsk")
public class SuspectedChangeAuthors {

  /** Empty when no change was suspected (or its authors are not users here). */
  public List<String> of(VariableScope incident) {
    Object authors = incident.getVariable(Variables.SUSPECTED_CHANGE_AUTHORS);
    if (!(authors instanceof String text) || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(user -> !user.isEmpty()).toList();
  }
}
