package com.incidentflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Turns off Camunda's own login throttle. It counts failures per user only, delays that user's
 * next login from anywhere, and after ten failures locks the account until an admin unlocks it —
 * so anyone who knows a user name could lock anyone out, admin included, without logging in.
 * {@link LoginThrottle} slows guessing per user and client address instead, and never for good.
 * Set in code rather than in application.yaml so that no configuration can bring the lock back.
 */
@Component
public class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayFactor(0);
    configuration.setLoginDelayMaxTime(0);
  }
}
