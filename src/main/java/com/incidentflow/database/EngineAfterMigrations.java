package com.incidentflow.database;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes Spring build the process engine only after our migrations ran (registered in
 * META-INF/spring.factories).
 *
 * <p>The order matters: on an empty database Flyway must find the schema empty and apply V1. Were the
 * engine first, its ACT_* tables would make the schema look like one from before migrations, Flyway
 * would adopt it at version 1 (baseline-on-migrate) and our tables would never be created. Engine
 * delegates and history handlers also write our tables as soon as the engine runs.
 */
public class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineConfiguration.class, ProcessEngine.class);
  }
}
