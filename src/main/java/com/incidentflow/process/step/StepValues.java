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

  /**
   * The values of a multiple choice (a checklist): Tasklist sends a JSON array, the Java API a list;
   * a JSON array in text is read as one too. Empty when absent.
   */
  public java.util.List<String> list(String name) {
    Object value = get(name);
    if (value instanceof SpinJsonNode json) {
      return json.isArray() ? json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList() : java.util.List.of(json.isString() ? json.stringValue() : json.toString());
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    if (value instanceof String s && !s.isBlank()) {
      if (s.strip().startsWith("[")) {
        return list(org.camunda.spin.Spin.JSON(s));
      }
      return java.util.Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
    return java.util.List.of();
  }

  /** The values of a form-js option list in a variable (valuesKey): [{"label": …, "value": …}, …]. */
  public java.util.List<String> choices(String name) {
    Object options = get(name);
    SpinJsonNode json = options instanceof SpinJsonNode node ? node
        : options instanceof String text && !text.isBlank() ? org.camunda.spin.Spin.JSON(text) : null;
    if (json == null || !json.isArray()) {
      return java.util.List.of();
    }
    return json.elements().stream().filter(SpinJsonNode::isObject).filter(o -> o.hasProp("value"))
        .map(o -> o.prop("value").isString() ? o.prop("value").stringValue() : o.prop("value").toString()).toList();
  }

  private static java.util.List<String> list(SpinJsonNode json) {
    return new StepValues(n -> json).list("");
  }

  public boolean is(String name, Enum<?> choice) {
    return choice.name().equals(text(name));
  }
}
