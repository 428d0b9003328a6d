package com.incidentflow.config;

import com.incidentflow.metrics.MetricsHistoryEvents;
import com.incidentflow.notification.NotificationDelivery;
import com.incidentflow.process.conflict.EngineRecovery.FailedJobRetries;
import com.incidentflow.process.conflict.EngineRecovery.RetryOnConflictInterceptor;
import com.incidentflow.process.engine.StepAdapter;
import com.incidentflow.process.step.FormCatalog;
import com.incidentflow.process.step.StepValidationListener;
import com.incidentflow.security.LoginCache;
import com.incidentflow.security.ProcessDataGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Everything the app plugs into the engine, in one place (docs/adr/0007). The handlers themselves live
 * with their features; beans they need are looked up lazily, since Spring builds the engine, and with
 * it this plugin, before most of them. Last among plugins, after the starter's own (its admin user).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class EnginePlugins extends AbstractProcessEnginePlugin {

  private final ObjectProvider<MetricsHistoryEvents> metrics;
  private final FormCatalog forms;
  private final ExecutionListener validation;
  private final LoginCache logins;

  public EnginePlugins(
      ObjectProvider<MetricsHistoryEvents> metrics, FormCatalog forms, ObjectProvider<StepValidationListener> validation, LoginCache logins) {
    this.metrics = metrics;
    this.forms = forms;
    this.logins = logins;
    this.validation = StepAdapter.of(step -> validation.getObject().run(step));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    guardProcessData(configuration);
    retryLostRaces(configuration);
    validateEveryStep(configuration);
    recordMetrics(configuration);
    identitySettings(configuration);
    forgetLoginsOnIdentityChanges(configuration);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    passwordPolicy((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }

  /**
   * {@link ProcessDataGuard} in front of every command of the engine, in both of its command executors,
   * so that every door to the engine — REST API, webapps, our API — meets it.
   */
  private void guardProcessData(ProcessEngineConfigurationImpl configuration) {
    addFirst(configuration::getCustomPreCommandInterceptorsTxRequired, configuration::setCustomPreCommandInterceptorsTxRequired,
        new ProcessDataGuard(configuration, forms));
    // A second guard object: the engine chains interceptors through their "next" field.
    addFirst(configuration::getCustomPreCommandInterceptorsTxRequiresNew, configuration::setCustomPreCommandInterceptorsTxRequiresNew,
        new ProcessDataGuard(configuration, forms));
  }

  /**
   * What happens when two transactions touch the same incident at once
   * (docs/adr/0004-notification-delivery-and-conflicts.md): a person's command is run again, whole,
   * instead of answering 500; a job is retried by why it failed ({@link FailedJobRetries}).
   */
  private static void retryLostRaces(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new RetryOnConflictInterceptor(RetryOnConflictInterceptor.ATTEMPTS));
    configuration.setFailedJobCommandFactory(new FailedJobRetries());
  }

  /**
   * Server-side validation ({@link StepValidationListener}) on every user task and on the process
   * start, so that a step added to the model later is validated without anyone remembering to wire it.
   * Runs first among listeners.
   */
  private void validateEveryStep(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_END, validation, 0);
      }

      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl start) {
        if (start.getFlowScope() == start.getProcessDefinition()) {
          start.addListener(ExecutionListener.EVENTNAME_START, validation, 0);
        }
      }
    });
  }

  /**
   * The engine's history events go to {@link MetricsHistoryEvents}, every one of them, and then to the
   * engine's own history writer through {@link KeptHistory}, which leaves out what nobody reads. The
   * engine's default writer is off, since that one is in the list; the history level stays "full"
   * (the engine keeps it in the database and refuses to start on one written at another level).
   */
  private void recordMetrics(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers();
    if (handlers == null) {
      handlers = new ArrayList<>();
      configuration.setCustomHistoryEventHandlers(handlers);
    }
    handlers.add(new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        metrics.getObject().handleEvent(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        metrics.getObject().handleEvents(events);
      }
    });
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    handlers.add(new KeptHistory()); // last, where the engine puts its default writer
  }

  /**
   * The engine's database history writer without the rows that neither the timeline, the report, the
   * metrics, Cockpit's runtime views nor the audit (the user operation log) read:
   *
   * <ul>
   *   <li>form-property details, written on submit-form beside the variable updates that hold the same
   *       values ({@code ACT_HI_DETAIL}, type FormProperty);
   *   <li>the identity-link log ({@code ACT_HI_IDENTITYLINK}): who was candidate and assignee when;
   *       the steps' history keeps their assignee and the operation log who claimed and completed;
   *   <li>the variable-update details of a notification delivery's bookkeeping variables (which
   *       incident, which notification, which step, which channel): set once at its start, kept as
   *       variable instances ({@code ACT_HI_VARINST}) like every variable.
   * </ul>
   *
   * Everything else is written as the engine writes it.
   */
  static final class KeptHistory extends DbHistoryEventHandler {

    private static final Set<String> DELIVERY_BOOKKEEPING = Set.of(
        NotificationDelivery.Variables.INCIDENT_ID, NotificationDelivery.Variables.NOTIFICATION,
        NotificationDelivery.Variables.STEP, NotificationDelivery.Variables.CHANNEL);

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricFormPropertyEventEntity || event instanceof HistoricIdentityLinkLogEventEntity) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      boolean bookkeeping = NotificationDelivery.PROCESS_KEY.equals(event.getProcessDefinitionKey())
          && DELIVERY_BOOKKEEPING.contains(event.getVariableName());
      return !bookkeeping && super.shouldWriteHistoricDetail(event);
    }
  }

  /**
   * Camunda's own login throttle is off. It counts failures per user only, delays that user's next
   * login from anywhere, and after ten failures locks the account until an admin unlocks it — so
   * anyone who knows a user name could lock anyone out, admin included, without logging in.
   * LoginThrottle slows guessing per user and client address instead, and never for good.
   */
  private static void identitySettings(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayFactor(0);
    configuration.setLoginDelayMaxTime(0);
  }

  /**
   * Camunda's password policy, on for every password the engine stores, through any door (Admin
   * webapp, /engine-rest, the app itself), in code so that no configuration can undo it. Switched on
   * once the engine is built: the one password set before is the demo setup's admin/admin, created by
   * Camunda's starter; in production the admin's password is held to the same policy before the app
   * starts (AdminAccountCheck).
   */
  private static void passwordPolicy(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
    configuration.setEnablePasswordPolicy(true);
  }

  /**
   * Every change to users, groups, memberships or tenants, through any door, makes {@link LoginCache}
   * forget the logins it remembers: a new password, a removed user or membership counts from the next
   * request on.
   */
  private void forgetLoginsOnIdentityChanges(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new IdentityChanges(logins));
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

  private static void addFirst(
      Supplier<List<CommandInterceptor>> current, Consumer<List<CommandInterceptor>> set, CommandInterceptor guard) {
    List<CommandInterceptor> interceptors = current.get() == null ? new ArrayList<>() : new ArrayList<>(current.get());
    interceptors.add(0, guard);
    set.accept(interceptors);
  }
}
