package com.incidentflow.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Identity settings of the engine, in code so that no configuration can undo them.
 *
 * <p>Camunda's password policy is on for every password the engine stores, through any door (Admin
 * webapp, /engine-rest, the app itself). It is switched on once the engine is built: the one
 * password set before is the demo setup's admin/admin, created by Camunda's starter; in production
 * the admin's password is held to the same policy before the app starts ({@link AdminAccountCheck}).
 *
 * <p>Camunda's own login throttle is off. It counts failures per user only, delays that user's
 * next login from anywhere, and after ten failures locks the account until an admin unlocks it —
 * so anyone who knows a user name could lock anyone out, admin included, without logging in.
 * {@link LoginThrottle} slows guessing per user and client address instead, and never for good.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayFactor(0);
    configuration.setLoginDelayMaxTime(0);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
    configuration.setEnablePasswordPolicy(true);
  }
}
