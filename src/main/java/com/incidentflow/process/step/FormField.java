package com.incidentflow.process.step;

import java.util.List;

/**
 * One input of a Camunda Form as the server checks it.
 *
 * @param valueLabels what a person sees for each allowed value
 * @param conditional shown only under a condition; the form's own "required" then cannot be
 *     enforced blindly, so {@link StepRules} states when it is required
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
    boolean conditional) {}
