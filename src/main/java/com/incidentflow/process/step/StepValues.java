package com.incidentflow.process.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * The values a step was completed with, as the validation reads them: text, lists, and JSON values as
 * Jackson's {@link JsonNode} (the door's {@code StepContext.value} hands the engine's JSON values so).
 */
public final class StepValues {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    if (value instanceof JsonNode json) {
      return json.isNull() || (json.isArray() && json.isEmpty());
    }
    return false;
  }

  /**
   * The values of a multiple choice (a checklist): Tasklist sends a JSON array, the Java API a list;
   * a JSON array in text is read as one too. Empty when absent.
   */
  public List<String> list(String name) {
    Object value = get(name);
    if (value instanceof JsonNode json) {
      return json.isArray() ? elements(json).stream().map(StepValues::text).toList() : List.of(text(json));
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    if (value instanceof String s && !s.isBlank()) {
      if (s.strip().startsWith("[")) {
        return list(parse(s));
      }
      return Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
    return List.of();
  }

  /** The values of a form-js option list in a variable (valuesKey): [{"label": …, "value": …}, …]. */
  public List<String> choices(String name) {
    Object options = get(name);
    JsonNode json = options instanceof JsonNode node ? node
        : options instanceof String text && !text.isBlank() ? parse(text) : null;
    if (json == null || !json.isArray()) {
      return List.of();
    }
    return elements(json).stream().filter(JsonNode::isObject).filter(o -> o.has("value"))
        .map(o -> text(o.get("value"))).toList();
  }

  public boolean is(String name, Enum<?> choice) {
    return choice.name().equals(text(name));
  }

  private static List<String> list(JsonNode json) {
    return new StepValues(n -> json).list("");
  }

  private static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  /** A JSON string as its value, anything else as its JSON text. */
  private static String text(JsonNode json) {
    return json.isTextual() ? json.textValue() : json.toString();
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException notJson) {
      throw new IllegalArgumentException("not JSON: " + notJson.getOriginalMessage(), notJson);
    }
  }
}
