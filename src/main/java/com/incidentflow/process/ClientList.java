package com.incidentflow.process;

import com.incidentflow.process.Choices.Scope;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Turns the confirmed impact into the list of clients CS must contact, one task each. Used by the
 * model as {@code ${clientList.of(execution)}}.
 */
@Component("clientList")
public class ClientList {

  public List<String> of(VariableScope scope) {
    Object finalScope = scope.getVariable(Variables.FINAL_SCOPE);
    if (Scope.NONE.name().equals(finalScope)) {
      return new ArrayList<>();
    }
    return parse((String) scope.getVariable(Variables.AFFECTED_CLIENTS));
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
