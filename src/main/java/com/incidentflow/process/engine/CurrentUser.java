package com.incidentflow.process.engine;

import java.util.List;

/** Who calls the engine now, with their groups (empty when they are in none). */
public record CurrentUser(String id, List<String> groups) {

  public CurrentUser {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
