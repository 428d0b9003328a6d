package com.incidentflow.timeline;

import java.util.List;
import java.util.Optional;

/** An incident's evidence trail: everything that happened, in time order. */
public record Timeline(String number, String processInstanceId, boolean open, List<TimelineEntry> entries) {

  public Timeline {
    entries = List.copyOf(entries);
  }

  /** The latest value recorded for a variable by any entry. */
  public Optional<String> latest(String name) {
    String found = null;
    for (TimelineEntry entry : entries) {
      for (TimelineEntry.Field field : entry.fields()) {
        if (field.name().equals(name)) {
          found = field.value();
        }
      }
    }
    return Optional.ofNullable(found);
  }
}
