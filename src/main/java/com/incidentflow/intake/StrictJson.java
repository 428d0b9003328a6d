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
import com.incidentflow.api.InvalidRequestException;
import com.incidentflow.api.JsonFields;
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
          JsonFields.path(e), "is not a known field; known fields are " + e.getKnownPropertyIds());
    } catch (InvalidFormatException e) {
      throw InvalidRequestException.of(JsonFields.path(e), JsonFields.expected(e.getTargetType()) + ", not '" + e.getValue() + "'");
    } catch (MismatchedInputException e) {
      throw InvalidRequestException.of(JsonFields.path(e), JsonFields.expected(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw InvalidRequestException.of(JsonFields.path(e), "cannot be read");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw InvalidRequestException.of("", "the body is not valid JSON");
    }
  }
}
