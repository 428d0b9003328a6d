package com.incidentflow.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
 *
 * <p>Every change to users, groups, memberships or tenants, through any door, makes {@link LoginCache}
 * forget the logins it remembers: a new password, a removed user or membership counts from the next
 * request on.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  private final LoginCache logins;

  public IdentityEnginePlugin(LoginCache logins) {
    this.logins = logins;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new IdentityChanges(logins));
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

  /**
   * Forgets remembered logins around every identity write: before it (no request is let in on what
   * it changes from then on) and once its transaction has ended (a login checked meanwhile against
   * the rows not yet committed is not kept).
   */
  static final class IdentityChanges extends CommandInterceptor {

    private final LoginCache logins;

    IdentityChanges(LoginCache logins) {
      this.logins = logins;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!(command instanceof AbstractWritableIdentityServiceCmd || command instanceof UnlockUserCmd)) {
        return next.execute(command);
      }
      logins.forgetAll();
      try {
        return next.execute(command);
      } finally {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
          // Joined a caller's transaction: its rows are visible to others only once that ends.
          TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              logins.forgetAll();
            }
          });
        }
        logins.forgetAll();
      }
    }
  }
}
