package com.incidentflow.process.step;

import java.util.List;
import java.util.Optional;

/** A Camunda Form (processes/*.form) reduced to what server-side validation needs. */
public record StepForm(String id, List<FormField> fields) {

  public Optional<FormField> field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The label a person sees for this variable, or the variable name if the form has none. */
  public String labelOf(String key) {
    return field(key).map(FormField::label).orElse(key);
  }
}
