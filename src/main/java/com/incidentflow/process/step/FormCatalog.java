package com.incidentflow.process.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads the Camunda Forms that are deployed with the process, so that the server enforces the same
 * required fields, lengths and choices as the browser — one definition, two places of enforcement.
 */
@Component
public class FormCatalog {

  static final String LOCATION = "classpath*:processes/*.form";

  private final Map<String, StepForm> forms;

  public FormCatalog() {
    this.forms = load(new ObjectMapper());
  }

  public Optional<StepForm> find(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }

  public Map<String, StepForm> all() {
    return Map.copyOf(forms);
  }

  private static Map<String, StepForm> load(ObjectMapper json) {
    Map<String, StepForm> byId = new HashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          StepForm form = parse(json.readTree(in));
          byId.put(form.id(), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms at " + LOCATION, e);
    }
    return byId;
  }

  static StepForm parse(JsonNode form) {
    List<FormField> fields = new ArrayList<>();
    collect(form.path("components"), false, fields);
    return new StepForm(form.path("id").asText(), List.copyOf(fields));
  }

  private static void collect(JsonNode components, boolean insideConditional, List<FormField> out) {
    for (JsonNode c : components) {
      boolean conditional = insideConditional || c.hasNonNull("conditional");
      if (c.has("components")) {
        collect(c.path("components"), conditional, out);
      }
      if (!c.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = c.path("validate");
      List<String> allowed = new ArrayList<>();
      Map<String, String> labels = new java.util.LinkedHashMap<>();
      c.path("values").forEach(v -> {
        allowed.add(v.path("value").asText());
        labels.put(v.path("value").asText(), v.path("label").asText());
      });
      String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText();
      out.add(
          new FormField(
              c.get("key").asText(),
              label,
              c.path("type").asText(),
              validate.path("required").asBoolean(false),
              validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
              List.copyOf(allowed),
              java.util.Collections.unmodifiableMap(labels),
              c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
              conditional,
              c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null));
    }
  }
}
