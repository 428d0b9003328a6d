package com.incidentflow.process.engine;

/**
 * What a service task or listener of our models does, in our own terms. {@link StepAdapter} hands it
 * to the engine under the bean name the model's {@code camunda:delegateExpression} names.
 */
@FunctionalInterface
public interface ProcessStep {

  void run(StepContext step);
}
