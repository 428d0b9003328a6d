package com.incidentflow.process.conflict;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * What happens when two transactions touch the same incident at once (docs/adr/0004-notification-delivery-and-conflicts.md): a person's
 * command is run again, whole, instead of answering 500; a job that lost the race runs again at
 * once instead of waiting for the retry schedule meant for SMTP outages.
 */
@Component
public class ConflictRetryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new RetryOnConflictInterceptor(RetryOnConflictInterceptor.ATTEMPTS));
    configuration.setFailedJobCommandFactory(new ConflictAwareFailedJobCommandFactory());
  }
}
