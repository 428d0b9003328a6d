package com.incidentflow.process;

import com.incidentflow.process.Choices.Scope;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the confirmed impact into the list of clients CS must contact, one task each. Used by the
 * model as {@code ${clientList.of(execution)}} (process.engine.ModelExpressions).
 */
public final class ClientList {

  private ClientList() {}

  public static List<String> of(StepContext incident) {
    if (Scope.NONE.name().equals(incident.variable(Variables.FINAL_SCOPE))) {
      return new ArrayList<>();
    }
    return parse(incident.text(Variables.AFFECTED_CLIENTS));
  }

  /** One client per line (commas also separate); blanks and repeats are dropped, order is kept. */
  public static List<String> parse(String text) {
    if (text == null) {
      return new ArrayList<>();
    }
    Set<String> clients = new LinkedHashSet<>();
    for (String part : text.split("[\\r\\n,、]+")) {
      String name = part.strip();
      if (!name.isEmpty()) {
        clients.add(name);
      }
    }
    return new ArrayList<>(clients);
  }
}
