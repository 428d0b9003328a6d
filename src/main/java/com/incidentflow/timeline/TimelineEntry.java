package com.incidentflow.timeline;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One thing that happened to an incident, in words.
 *
 * @param step the process step it belongs to, if any
 * @param actor who did it, if known
 * @param fields what was recorded, as label and value a person reads
 */
public record TimelineEntry(
    OffsetDateTime at, Kind kind, String step, String actor, List<Field> fields, String text) {

  public enum Kind { REPORTED, STEP, DECISION, ETA, EVIDENCE, COMMENT, ATTACHMENT, NOTIFICATION, CLOSED }

  public record Field(String name, String label, String value) {}

  public TimelineEntry {
    fields = List.copyOf(fields);
  }
}
