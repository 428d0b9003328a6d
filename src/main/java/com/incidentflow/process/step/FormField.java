package com.incidentflow.process.step;

import java.util.List;

/**
 * One input of a Camunda Form as the server checks it.
 *
 * @param valueLabels what a person sees for each allowed value
 * @param conditional shown only under a condition; the form's own "required" then cannot be
 *     enforced blindly, so {@link StepRules} states when it is required
 * @param valuesKey the process variable that holds the choices (form-js "valuesKey": a JSON list of
 *     label and value), for choices that differ per incident; null for choices fixed in the form
 */
public record FormField(
    String key,
    String label,
    String type,
    boolean required,
    Integer maxLength,
    List<String> allowedValues,
    java.util.Map<String, String> valueLabels,
    boolean readonly,
    boolean conditional,
    String valuesKey) {

  /** A field whose value is a list of the choices (checklist, taglist). */
  public boolean multiple() {
    return "checklist".equals(type) || "taglist".equals(type);
  }

  public boolean choice() {
    return multiple() || "select".equals(type) || "radio".equals(type);
  }
}
