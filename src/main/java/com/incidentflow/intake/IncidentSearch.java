package com.incidentflow.intake;

import com.incidentflow.api.InvalidRequestException;
import com.incidentflow.process.Choices.Priority;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What GET /api/incidents filters by. Built from the query string so that a wrong value is answered
 * 400 naming the parameter, rather than ignored.
 */
public record IncidentSearch(State state, Priority priority, String client, String text, int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  static final int MAX_FILTER_LENGTH = 200;

  public enum State { OPEN, CLOSED }

  public static IncidentSearch of(String state, String priority, String client, String text, Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 0) {
      throw InvalidRequestException.of("page", "must be 0 or more");
    }
    if (s < 1 || s > MAX_SIZE) {
      throw InvalidRequestException.of("size", "must be between 1 and " + MAX_SIZE);
    }
    return new IncidentSearch(
        choice("state", state, State.class),
        choice("priority", priority, Priority.class),
        filter("client", client),
        filter("text", text),
        p,
        s);
  }

  private static <E extends Enum<E>> E choice(String parameter, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Optional.ofNullable(lookup(value.strip().toUpperCase(Locale.ROOT), type))
        .orElseThrow(
            () ->
                InvalidRequestException.of(
                    parameter,
                    "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'"));
  }

  private static <E extends Enum<E>> E lookup(String name, Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
  }

  private static String filter(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_FILTER_LENGTH) {
      throw InvalidRequestException.of(parameter, "is longer than " + MAX_FILTER_LENGTH + " characters");
    }
    return value.strip();
  }
}
