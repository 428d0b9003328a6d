package com.incidentflow.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads a request body strictly: an unknown field (a typo such as "tittle") or a number where text
 * belongs is an error, not silently dropped or converted. Spring's shared ObjectMapper stays lenient
 * for everyone else; this copy is for bodies people type by hand.
 */
@Component
public class StrictJson {

  private final ObjectMapper strict;

  public StrictJson(ObjectMapper shared) {
    this.strict =
        shared
            .copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Keep the reporter's offset (+09:00) instead of converting to UTC.
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    strict
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  /** @throws InvalidRequestException naming the field that does not fit */
  public <T> T read(JsonNode body, Class<T> type) {
    if (body == null || !body.isObject()) {
      throw InvalidRequestException.of("", "the body must be a JSON object");
    }
    try {
      return strict.treeToValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw InvalidRequestException.of(
          path(e), "is not a known field; known fields are " + e.getKnownPropertyIds());
    } catch (InvalidFormatException e) {
      throw InvalidRequestException.of(path(e), expected(e.getTargetType()) + ", not '" + e.getValue() + "'");
    } catch (MismatchedInputException e) {
      throw InvalidRequestException.of(path(e), expected(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw InvalidRequestException.of(path(e), "cannot be read");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw InvalidRequestException.of("", "the body is not valid JSON");
    }
  }

  static String path(JsonMappingException e) {
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

  static String expected(Class<?> type) {
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
    return "must be a JSON " + (java.util.Collection.class.isAssignableFrom(type) ? "array" : "object");
  }
}
