package com.incidentflow.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Names a JSON field at fault and says what it should have been, in the words of {@link FieldProblem}. */
public final class JsonFields {

  private JsonFields() {}

  /** The JSON path of a mapping error, such as {@code alerts[0].startsAt}. */
  public static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What a value of this type must look like. */
  public static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be a date and time with offset such as 2026-11-25T09:30:00+09:00";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "must be a number";
    }
    return "must be a JSON " + (Collection.class.isAssignableFrom(type) ? "array" : "object");
  }
}
