package com.incidentflow.process.step;

import java.util.Collection;
import java.util.function.Function;
import org.camunda.spin.json.SpinJsonNode;

/** The values a step was completed with, as the validation reads them. */
public final class StepValues {

  private final Function<String, Object> lookup;

  public StepValues(Function<String, Object> lookup) {
    this.lookup = lookup;
  }

  public Object get(String name) {
    return lookup.apply(name);
  }

  public String text(String name) {
    Object value = get(name);
    return value == null ? null : value.toString();
  }

  public boolean isBlank(String name) {
    Object value = get(name);
    if (value == null) {
      return true;
    }
    if (value instanceof String s) {
      return s.isBlank();
    }
    if (value instanceof Collection<?> c) {
      return c.isEmpty();
    }
    if (value instanceof SpinJsonNode json) {
      return json.isNull() || (json.isArray() && json.elements().isEmpty());
    }
    return false;
  }

  public boolean is(String name, Enum<?> choice) {
    return choice.name().equals(text(name));
  }
}
