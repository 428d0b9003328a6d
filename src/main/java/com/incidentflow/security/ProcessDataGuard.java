package com.incidentflow.security;

import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.step.FormCatalog;
import com.incidentflow.process.step.FormField;
import com.incidentflow.process.step.StepForm;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableOrderProperty;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AuthorizationCheckCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.StateTransitionCaseExecutionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Incident data is changed only by the step that owns it (docs/adr/0002). Sits in front of every
 * engine command, so the REST API, the webapps and our own API meet the same rule:
 *
 * <ul>
 *   <li>a person writes variables only by starting an incident with the start form's fields, or by
 *       completing a step (complete, submit-form, resolve) with that step's form fields — read-only
 *       ones unchanged; every other way to write a variable (task, execution and process-instance
 *       variables, local or not, binary, modification, messages, signals, BPMN errors) is refused;
 *   <li>what the system decides ({@link IncidentProcess#SYSTEM_WRITTEN}) is never taken from a person;
 *   <li>someone who may not read the incident reads, through its step, only that step's form fields;
 *   <li>comments and attachments go only on steps the person may see — and, for those who may not
 *       always add evidence, only on a step they hold; the trail is never edited or deleted.
 * </ul>
 *
 * <p>Only the outermost command a person issues is checked. Commands that delegates, listeners and
 * our services' own units of work run inside it are the system at work (the engine runs custom code
 * without authorization checks for the same reason), and so are commands without a logged-in user
 * (job executor, bearer-token webhooks). Operators — incident-admins and Camunda admins — keep the
 * engine's repair tools (Cockpit's variable editing, modification) and are not checked here.
 */
public class ProcessDataGuard extends CommandInterceptor {

  /** Commands that write variables, or end a step, without its form. */
  private static final List<Class<?>> WRITES_WITHOUT_A_STEP =
      List.of(
          AbstractVariableCmd.class, // set, remove: task, execution, process instance; local or not; binary
          AbstractPatchVariablesCmd.class, // "modifications" of task, execution, process instance
          SetVariablesToProcessInstancesBatchCmd.class,
          DeleteHistoricVariableInstanceCmd.class,
          DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
          StartProcessInstanceAtActivitiesCmd.class,
          ModifyProcessInstanceCmd.class,
          ModifyProcessInstanceAsyncCmd.class,
          AbstractModificationCmd.class,
          ProcessInstanceModificationCmd.class,
          AbstractMigrationCmd.class,
          CreateMigrationPlanCmd.class,
          AbstractRestartProcessInstanceCmd.class,
          RestartProcessInstancesBatchCmd.class,
          AbstractCorrelateMessageCmd.class,
          CorrelateAllMessageBatchCmd.class,
          MessageEventReceivedCmd.class,
          SignalEventReceivedCmd.class,
          SignalCmd.class,
          EvaluateStartConditionCmd.class,
          HandleTaskBpmnErrorCmd.class,
          HandleTaskEscalationCmd.class,
          ExternalTaskCmd.class,
          FetchExternalTasksCmd.class,
          // No case models are deployed here; nobody has business starting or changing cases.
          CreateCaseInstanceCmd.class,
          CaseExecutionVariableCmd.class,
          StateTransitionCaseExecutionCmd.class);

  /** The evidence trail only grows: editing or deleting what someone recorded is refused. */
  private static final List<Class<?>> TRAIL_EDITS =
      List.of(UpdateCommentCmd.class, DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class,
          DeleteAttachmentCmd.class, SaveAttachmentCmd.class);

  private static final List<Class<?>> TASK_TRAIL_READS =
      List.of(GetTaskCommentsCmd.class, GetTaskCommentCmd.class, GetTaskAttachmentsCmd.class, GetTaskAttachmentCmd.class,
          GetTaskAttachmentContentCmd.class);

  private final ProcessEngineConfigurationImpl engine;
  private final FormCatalog forms;
  /** The form of a step (process definition id + activity id); definitions never change once deployed. */
  private final Map<String, Optional<StepForm>> formOfStep = new ConcurrentHashMap<>();

  public ProcessDataGuard(ProcessEngineConfigurationImpl engine, FormCatalog forms) {
    this.engine = engine;
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command); // run inside another command: the system at work
    }
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null || isOperator(caller)) {
      return next.execute(command);
    }
    return guarded(command, caller);
  }

  @SuppressWarnings("unchecked")
  private <T> T guarded(Command<T> command, Authentication caller) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) { // also resolve
      String taskId = field(command, "taskId");
      Map<String, ?> values = field(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
      boolean returnsVariables = field(command, "returnVariables");
      Completion completion = completion(taskId, values, returnsVariables, caller); // before the step ends and its task is gone
      checkStepValues(completion, values);
      return (T) completion.readable().filter(next.execute(command));
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl start = field(command, "instantiationBuilder");
      if (!start.getModificationBuilder().getModificationOperations().isEmpty()) {
        throw new Refused("An incident starts at its start event, with the start form");
      }
      checkStartValues(start.getProcessDefinitionId(), start.getProcessDefinitionKey(), start.getVariables());
    } else if (command instanceof SubmitStartFormCmd) {
      checkStartValues(field(command, "processDefinitionId"), null, field(command, "variables"));
    } else if (isAny(command, WRITES_WITHOUT_A_STEP)) {
      throw new Refused(
          "Incident data changes only through the step that owns it: complete the step with its form (" + simpleName(command) + ")");
    } else if (command instanceof TaskQueryImpl query) {
      checkNoVariableProbe(query, caller);
    } else if (command instanceof AbstractExecuteFilterCmd) {
      if (field(command, "extendingQuery") instanceof TaskQueryImpl query) {
        checkNoVariableProbe(query, caller);
      }
    } else if (command instanceof GetTaskVariablesCmd || command instanceof GetTaskFormVariablesCmd) {
      String taskId = command instanceof GetTaskFormVariablesCmd form ? form.resourceId : field(command, "taskId");
      Readable readable = readable(taskId, caller);
      return (T) readable.filter(next.execute(command));
    } else if (command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped) {
      checkReadable(field(command, "taskId"), field(command, "variableName"), caller);
    } else if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
      try {
        checkEvidence(field(command, "taskId"), field(command, "processInstanceId"), caller);
      } catch (Refused refused) {
        // The REST API answers every engine exception of these two calls with 400 ("Not enough
        // parameters submitted", "Task id is null"); this type it passes on with status and message.
        throw new RestException(Response.Status.FORBIDDEN, refused, refused.getMessage());
      }
    } else if (isAny(command, TRAIL_EDITS)) {
      throw new Refused("The evidence trail is kept as recorded: comments and attachments cannot be changed or deleted");
    } else if (isAny(command, TASK_TRAIL_READS)) {
      String taskId = field(command, "taskId");
      if (!maySee(taskId) && !mayReadIncidentOfTask(taskId, caller)) {
        throw new Refused("You may not see this step");
      }
    } else if (command instanceof GetProcessInstanceCommentsCmd || command instanceof GetProcessInstanceAttachmentsCmd) {
      checkReadsIncident(field(command, "processInstanceId"), caller);
    } else if (command instanceof GetAttachmentCmd || command instanceof GetAttachmentContentCmd) {
      checkAttachmentReadable(field(command, "attachmentId"), caller);
    }
    return next.execute(command);
  }

  // --- writing -----------------------------------------------------------------------------------

  /**
   * What the checks of one completion need, looked up in one engine command (one transaction): the
   * step and its form, what the form shows in the read-only fields submitted, and what the caller may
   * read back through the step — only when the completion returns the process's variables; without
   * them (Tasklist's submit, the REST default) there is nothing to filter and nothing to check for it.
   */
  private Completion completion(String taskId, Map<String, ?> values, boolean returnsVariables, Authentication caller) {
    return asEngine(context -> {
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return new Completion(null, Map.of(), Readable.NOTHING_RETURNED); // the engine answers "no such task"
      }
      Map<String, Object> shown = new HashMap<>();
      Optional<StepForm> form = Optional.empty();
      if (values != null && !values.isEmpty()) {
        form = formOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        for (String name : values.keySet()) {
          if (form.flatMap(f -> f.field(name)).map(FormField::readonly).orElse(false)) {
            shown.put(name, task.getVariable(name));
          }
        }
      }
      return new Completion(new Step(task, form), shown, returnsVariables ? readableIn(context, task, caller) : Readable.NOTHING_RETURNED);
    });
  }

  /**
   * @param step null: no such task
   * @param shown the current values of the submitted fields that the step's form shows read-only
   */
  private record Completion(Step step, Map<String, Object> shown, Readable readable) {}

  /** A step is completed with its form's fields only; read-only fields may come back unchanged. */
  private static void checkStepValues(Completion completion, Map<String, ?> values) {
    if (values == null || values.isEmpty() || completion.step() == null) {
      return; // no such task: the engine answers "no such task"
    }
    Step step = completion.step();
    String stepName = step.name();
    for (Map.Entry<String, ?> submitted : values.entrySet()) {
      String name = submitted.getKey();
      Optional<FormField> field = step.form().flatMap(f -> f.field(name));
      if (field.isPresent() && field.get().readonly()) {
        // Tasklist sends what the form showed; shown is not changed.
        if (!sameValue(unwrap(submitted.getValue()), completion.shown().get(name))) {
          throw new Refused("'" + field.get().label() + "' is shown read-only on '" + stepName + "' and cannot be changed there");
        }
        continue;
      }
      checkNotSystemWritten(name);
      if (field.isEmpty()) {
        throw new Refused("'" + name + "' is not a field of the step '" + stepName + "': a step writes only its own form's fields");
      }
    }
  }

  /** An incident starts with the start form's fields; who reported it and everything else is the system's. */
  private void checkStartValues(String definitionId, String definitionKey, Map<String, ?> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    ProcessDefinition definition = asEngine(context -> {
      var query = engine.getRepositoryService().createProcessDefinitionQuery();
      return definitionId != null
          ? query.processDefinitionId(definitionId).singleResult()
          : query.processDefinitionKey(definitionKey).latestVersion().singleResult();
    });
    if (definition == null) {
      return; // the engine answers "no such process"
    }
    Optional<StepForm> form = startFormOf(definition.getId());
    for (String name : values.keySet()) {
      checkNotSystemWritten(name);
      boolean editable = form.flatMap(f -> f.field(name)).map(f -> !f.readonly()).orElse(false);
      if (!editable) {
        throw new Refused("'" + name + "' is not a field of the start form: an incident is reported with the start form's fields only");
      }
    }
  }

  private static void checkNotSystemWritten(String name) {
    if (IncidentProcess.SYSTEM_WRITTEN.contains(name)) {
      throw new Refused("'" + name + "' is decided by the system and cannot be set by anyone");
    }
  }

  // --- reading -----------------------------------------------------------------------------------

  /** What the caller may read through a step: everything if they read the incident, else its form fields. */
  private Readable readable(String taskId, Authentication caller) {
    return asEngine(context -> readableIn(context, taskId == null ? null : context.getTaskManager().findTaskById(taskId), caller));
  }

  /** {@link #readable(String, Authentication)} within an engine command; task null: no such task. */
  private Readable readableIn(CommandContext context, TaskEntity task, Authentication caller) {
    if (readsIncidentOf(context, task, caller)) {
      return new Readable(null);
    }
    return new Readable(task == null ? Set.of() : formOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
        .map(f -> f.fields().stream().map(FormField::key).collect(java.util.stream.Collectors.toUnmodifiableSet()))
        .orElse(Set.<String>of()));
  }

  /** @param fields null: every variable */
  private record Readable(Set<String> fields) {
    /** For a call that returns no variables: its null result passes the filter as it is. */
    static final Readable NOTHING_RETURNED = new Readable(null);

    Object filter(Object result) {
      if (fields == null || !(result instanceof VariableMap variables)) {
        return result;
      }
      VariableMap filtered = org.camunda.bpm.engine.variable.Variables.createVariables();
      for (String name : variables.keySet()) {
        if (fields.contains(name)) {
          filtered.putValueTyped(name, variables.getValueTyped(name));
        }
      }
      return filtered;
    }
  }

  private void checkReadable(String taskId, String name, Authentication caller) {
    Set<String> fields = readable(taskId, caller).fields();
    if (fields != null && !fields.contains(name)) {
      throw new Refused("'" + name + "' is not part of this step: only those who may read the incident see it");
    }
  }

  /**
   * Filtering or sorting one's tasks by incident variables would tell their values one question at
   * a time; that is reading, and only for those who read incidents.
   */
  private void checkNoVariableProbe(TaskQueryImpl query, Authentication caller) {
    boolean probes = false;
    for (TaskQueryImpl part : query.getQueries()) {
      probes |= !part.getVariables().isEmpty()
          || part.getOrderingProperties().stream().anyMatch(VariableOrderProperty.class::isInstance);
    }
    if (probes && engine.isAuthorizationEnabled()
        && !authorized(caller, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, IncidentProcess.PROCESS_KEY)) {
      throw new Refused("Only those who may read incidents search or sort tasks by their variables");
    }
  }

  // --- evidence ----------------------------------------------------------------------------------

  private void checkEvidence(String taskId, String processInstanceId, Authentication caller) {
    boolean mayAlwaysAdd = caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(Groups.MAY_ALWAYS_ADD_EVIDENCE::contains);
    if (taskId != null) {
      if (!maySee(taskId)) {
        throw new Refused("You may not see this step, so you cannot comment on it or attach to it");
      }
      String assignee = asEngine(context -> Optional.ofNullable(context.getTaskManager().findTaskById(taskId)).map(TaskEntity::getAssignee).orElse(null));
      if (!mayAlwaysAdd && !caller.getUserId().equals(assignee)) {
        throw new Refused("Claim the step first: evidence on it comes from whoever holds it");
      }
      return;
    }
    if (processInstanceId != null) {
      if (!mayAlwaysAdd) {
        throw new Refused("Only engineers and managers add evidence to a whole incident; others add it on a step they hold");
      }
      checkReadsIncident(processInstanceId, caller);
    }
  }

  private void checkAttachmentReadable(String attachmentId, Authentication caller) {
    AttachmentEntity attachment = asEngine(context -> context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId));
    if (attachment == null) {
      return;
    }
    if (attachment.getTaskId() != null && maySee(attachment.getTaskId())) {
      return;
    }
    if (attachment.getProcessInstanceId() == null) {
      throw new Refused("You may not see this attachment");
    }
    checkReadsIncident(attachment.getProcessInstanceId(), caller);
  }

  // --- who may what ------------------------------------------------------------------------------

  private boolean isOperator(Authentication caller) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    List<String> adminGroups = engine.getAdminGroups() == null ? List.of() : engine.getAdminGroups();
    List<String> adminUsers = engine.getAdminUsers() == null ? List.of() : engine.getAdminUsers();
    return groups.contains(Groups.INCIDENT_ADMINS) || groups.stream().anyMatch(adminGroups::contains) || adminUsers.contains(caller.getUserId());
  }

  /** The caller's own task query finds it: their group's or their own step, not taken from them. */
  private boolean maySee(String taskId) {
    return taskId != null && engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
  }

  private boolean mayReadIncidentOfTask(String taskId, Authentication caller) {
    return asEngine(context -> readsIncidentOf(context, context.getTaskManager().findTaskById(taskId), caller));
  }

  /** Whether the caller may read the incident the task belongs to; task null: no such task. */
  private boolean readsIncidentOf(CommandContext context, TaskEntity task, Authentication caller) {
    if (!engine.isAuthorizationEnabled()) {
      return true;
    }
    if (task == null || task.getProcessDefinitionId() == null) {
      return false;
    }
    String key = context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
    return authorizedIn(context, caller, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, key)
        || authorizedIn(context, caller, Permissions.READ, Resources.PROCESS_INSTANCE, task.getProcessInstanceId());
  }

  private void checkReadsIncident(String processInstanceId, Authentication caller) {
    if (!engine.isAuthorizationEnabled() || processInstanceId == null) {
      return;
    }
    String key = asEngine(context -> {
      HistoricProcessInstance instance =
          engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
      return instance == null ? null : instance.getProcessDefinitionKey();
    });
    if (key == null) {
      return; // the engine answers "no such process instance"
    }
    boolean reads =
        authorized(caller, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, key)
            || authorized(caller, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, key)
            || authorized(caller, Permissions.READ, Resources.PROCESS_INSTANCE, processInstanceId);
    if (!reads) {
      throw new Refused("You may not read this incident");
    }
  }

  private boolean authorized(Authentication caller, Permission permission, Resources resource, String id) {
    return engine.getAuthorizationService().isUserAuthorized(caller.getUserId(), caller.getGroupIds(), permission, resource, id);
  }

  /** {@link #authorized} within an engine command: the same check, in its transaction. */
  private static boolean authorizedIn(CommandContext context, Authentication caller, Permission permission, Resources resource, String id) {
    return new AuthorizationCheckCmd(caller.getUserId(), caller.getGroupIds(), permission, resource, id).execute(context);
  }

  // --- forms -------------------------------------------------------------------------------------

  private Optional<StepForm> formOf(String processDefinitionId, String activityId) {
    return formOfStep.computeIfAbsent(processDefinitionId + "#" + activityId, key -> asEngine(context -> {
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId);
      return model.getModelElementById(activityId) instanceof UserTask task && task.getCamundaFormRef() != null
          ? forms.find(task.getCamundaFormRef())
          : Optional.<StepForm>empty();
    }));
  }

  /** The form of the process's own start event (not of an event sub-process). */
  private Optional<StepForm> startFormOf(String processDefinitionId) {
    return formOfStep.computeIfAbsent(processDefinitionId + "#start", key -> asEngine(context -> {
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId);
      return model.getModelElementsByType(StartEvent.class).stream()
          .filter(start -> start.getParentElement() instanceof Process && start.getCamundaFormRef() != null)
          .findFirst()
          .flatMap(start -> forms.find(start.getCamundaFormRef()));
    }));
  }

  private record Step(String name, Optional<StepForm> form) {
    Step(TaskEntity task, Optional<StepForm> form) {
      this(task.getName() != null ? task.getName() : task.getTaskDefinitionKey(), form);
    }
  }

  // --- plumbing ----------------------------------------------------------------------------------

  /** Looks something up as the engine, without the caller's authorization checks. */
  private <R> R asEngine(Function<CommandContext, R> lookup) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return lookup.apply(context);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }

  private static boolean isAny(Object command, Collection<Class<?>> types) {
    return types.stream().anyMatch(type -> type.isInstance(command));
  }

  /**
   * A command's input, which the engine keeps in protected fields. Fails closed: if a new engine
   * version renamed the field, the command is refused rather than let through unchecked.
   */
  @SuppressWarnings("unchecked")
  private static <V> V field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (V) field.get(command);
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        break;
      }
    }
    throw new Refused("This request cannot be checked (" + simpleName(command) + "." + name + "), so it is refused");
  }

  private static String simpleName(Object command) {
    return command.getClass().getSimpleName();
  }

  private static Object unwrap(Object value) {
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }

  /** Read-only values come back as the form showed them; an empty field is no value. */
  private static boolean sameValue(Object submitted, Object current) {
    return Objects.equals(blankAsNull(submitted), blankAsNull(current));
  }

  private static Object blankAsNull(Object value) {
    return value instanceof String text && text.isBlank() ? null : value;
  }

  /** A refusal by this guard; an authorization failure to every client (REST and our API: 403). */
  public static class Refused extends AuthorizationException {
    public Refused(String message) {
      super(message);
    }
  }
}
