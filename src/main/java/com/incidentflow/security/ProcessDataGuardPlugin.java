package com.incidentflow.security;

import com.incidentflow.process.step.FormCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProcessDataGuard} in front of every command of the engine, in both of its command
 * executors, so that every door to the engine — REST API, webapps, our API — meets it.
 */
@Component
public class ProcessDataGuardPlugin extends AbstractProcessEnginePlugin {

  private final FormCatalog forms;

  public ProcessDataGuardPlugin(FormCatalog forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ProcessDataGuard guard = new ProcessDataGuard(configuration, forms);
    addFirst(configuration::getCustomPreCommandInterceptorsTxRequired, configuration::setCustomPreCommandInterceptorsTxRequired, guard);
    // A second guard object: the engine chains interceptors through their "next" field.
    addFirst(configuration::getCustomPreCommandInterceptorsTxRequiresNew, configuration::setCustomPreCommandInterceptorsTxRequiresNew,
        new ProcessDataGuard(configuration, forms));
  }

  private static void addFirst(
      Supplier<List<CommandInterceptor>> current, Consumer<List<CommandInterceptor>> set, CommandInterceptor guard) {
    List<CommandInterceptor> interceptors = current.get() == null ? new ArrayList<>() : new ArrayList<>(current.get());
    interceptors.add(0, guard);
    set.accept(interceptors);
  }
}
