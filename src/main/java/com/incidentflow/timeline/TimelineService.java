package com.incidentflow.timeline;

import com.incidentflow.notification.Durations;
import com.incidentflow.notification.MailRenderer;
import com.incidentflow.localization.TeamTime;
import com.incidentflow.config.TeamSettings;
import com.incidentflow.notification.SentMailLog;
import com.incidentflow.process.IncidentDirectory;
import com.incidentflow.process.IncidentDirectory.IncidentRef;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Forms;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.step.FormCatalog;
import com.incidentflow.process.step.FormField;
import com.incidentflow.process.step.StepForm;
import com.incidentflow.timeline.TimelineEntry.Field;
import com.incidentflow.timeline.TimelineEntry.Kind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;

/**
 * Builds an incident's timeline from what the engine already records: the history of the process
 * (every step, who completed it and the values it captured), comments (notes and evidence, sent
 * mails), attachments. Nothing is copied elsewhere. Queries run as the caller, so Camunda's
 * authorizations decide who may read which incident.
 */
@Service
public class TimelineService {

  /** Values of no interest to a reader, or shown elsewhere in the entry. */
  static final Set<String> INTERNAL =
      Set.of(Variables.INCIDENT_NUMBER, Variables.REPORTED_BY, Variables.ANNOUNCED_ETA, Variables.FIXED_BY,
          Variables.AFFECTED_CLIENT_LIST, Variables.JUDGEMENT_TARGET, Variables.CLIENT);

  static final List<String> DECISION_OUTPUTS =
      List.of(Variables.PRIORITY, Variables.FIRST_RESPONSE_TARGET, Variables.STATUS_UPDATE_INTERVAL, Variables.RESOLVE_TARGET);
  static final String ATTACHMENT_DESCRIPTION = "description";

  /** The timeline's own words in i18n/mail*.properties; every bundle has each of them. */
  static final class Texts {
    static final String REPORTED = "timeline.reported";
    static final String ETA_CHANGED = "timeline.etaChanged";
    static final String CLOSED_DUPLICATE = "timeline.closedDuplicate";
    static final String RESOLVED = "timeline.resolved";
    static final String YES = "value.YES";
    static final String NO = "value.NO";

    private Texts() {}

    /** Every key the timeline reads: its own words and the labels of the values it names itself. */
    static List<String> all() {
      List<String> keys = new ArrayList<>(List.of(REPORTED, ETA_CHANGED, CLOSED_DUPLICATE, RESOLVED, YES, NO));
      DECISION_OUTPUTS.forEach(name -> keys.add(fieldLabel(name)));
      keys.add(fieldLabel(Variables.ETA));
      keys.add(fieldLabel(ATTACHMENT_DESCRIPTION));
      return keys;
    }

    static String fieldLabel(String name) {
      return "field." + name;
    }
  }

  private final SentMailLog sentMails;
  private final IncidentDirectory incidents;
  private final HistoryService history;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final FormCatalog forms;
  private final MailRenderer texts;
  private final TeamSettings reader;
  private final TeamTime time;

  public TimelineService(
      IncidentDirectory incidents, HistoryService history, TaskService tasks, RepositoryService repository,
      FormCatalog forms, MailRenderer texts, TeamSettings reader, SentMailLog sentMails, TeamTime time) {
    this.incidents = incidents;
    this.sentMails = sentMails;
    this.history = history;
    this.tasks = tasks;
    this.repository = repository;
    this.forms = forms;
    this.texts = texts;
    this.reader = reader;
    this.time = time;
  }

  public Optional<Timeline> of(String number) {
    return incidents.find(number).map(this::build);
  }

  private Timeline build(IncidentRef ref) {
    String id = ref.processInstanceId();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
    Map<String, List<HistoricVariableUpdate>> updatesByActivity = new HashMap<>();
    List<HistoricVariableUpdate> etaUpdates = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().orderByTime().asc().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      updatesByActivity.computeIfAbsent(update.getActivityInstanceId(), k -> new ArrayList<>()).add(update);
      if (Variables.ETA.equals(update.getVariableName())) {
        etaUpdates.add(update);
      }
    }
    Map<String, String> completers = completers(id);
    // Choices that differ per incident (a form field's valuesKey) are named by their labels then.
    Map<String, Map<String, String>> optionLabels = new HashMap<>();
    Function<String, Map<String, String>> labelsOf = key -> optionLabels.computeIfAbsent(key, k -> optionLabels(id, k));
    Map<String, HistoricTaskInstance> tasksByActivity = new HashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceId(id).list()
        .forEach(task -> tasksByActivity.put(task.getActivityInstanceId(), task));

    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(new TimelineEntry(at(instance.getStartTime()), Kind.REPORTED, IncidentProcess.Tasks.START, instance.getStartUserId(),
        fields(forms.find(Forms.INCIDENT_REPORTED), updatesByActivity.getOrDefault(id, List.of()), labelsOf), texts.message(Texts.REPORTED, reader.locale())));

    for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(id).finished().orderByHistoricActivityInstanceEndTime().asc().list()) {
      if (activity.isCanceled()) {
        continue;
      }
      List<HistoricVariableUpdate> updates = updatesByActivity.getOrDefault(activity.getId(), List.of());
      if ("userTask".equals(activity.getActivityType())) {
        HistoricTaskInstance task = tasksByActivity.get(activity.getId());
        UserTask element = model.getModelElementById(activity.getActivityId());
        String actor = task == null ? null : completers.getOrDefault(task.getId(), task.getAssignee());
        String client = task == null ? null : clientOf(updates);
        entries.add(new TimelineEntry(at(activity.getEndTime()), Kind.STEP, activity.getActivityId(), actor,
            fields(forms.find(element.getCamundaFormRef()), updates, labelsOf), client == null ? activity.getActivityName() : activity.getActivityName() + " — " + client));
      } else if ("businessRuleTask".equals(activity.getActivityType())) {
        entries.add(new TimelineEntry(at(activity.getEndTime()), Kind.DECISION, activity.getActivityId(), null,
            decision(history, id), activity.getActivityName()));
      }
    }

    String previousEta = null;
    for (HistoricVariableUpdate update : etaUpdates) {
      String eta = Objects.toString(update.getValue(), null);
      if (eta != null && !eta.equals(previousEta)) {
        entries.add(new TimelineEntry(at(update.getTime()), Kind.ETA, null, null,
            List.of(new Field(Variables.ETA, label(Variables.ETA), readable(eta))), texts.message(Texts.ETA_CHANGED, reader.locale())));
      }
      previousEta = eta;
    }

    for (Comment comment : tasks.getProcessInstanceComments(id)) {
      entries.add(comment(comment, tasksByActivity.values()));
    }
    for (SentMailLog.Sent mail : sentMails.of(id)) {
      entries.add(new TimelineEntry(at(mail.at()), Kind.NOTIFICATION, null, null, List.of(), mail.summary()));
    }
    for (Attachment attachment : tasks.getProcessInstanceAttachments(id)) {
      List<Field> fields = new ArrayList<>();
      if (attachment.getUrl() != null) {
        fields.add(new Field("url", "URL", attachment.getUrl()));
      }
      if (attachment.getDescription() != null) {
        fields.add(new Field(ATTACHMENT_DESCRIPTION, label(ATTACHMENT_DESCRIPTION), attachment.getDescription()));
      }
      entries.add(new TimelineEntry(at(attachment.getCreateTime()), Kind.ATTACHMENT, stepOf(attachment.getTaskId(), tasksByActivity.values()),
          null, fields, attachment.getName()));
    }

    if (instance.getEndTime() != null) {
      String how = Tasks.END_DUPLICATE.equals(instance.getEndActivityId())
          ? texts.message(Texts.CLOSED_DUPLICATE, reader.locale())
          : texts.message(Texts.RESOLVED, reader.locale());
      entries.add(new TimelineEntry(at(instance.getEndTime()), Kind.CLOSED, instance.getEndActivityId(), null, List.of(), how));
    }
    entries.sort(Comparator.comparing(TimelineEntry::at)); // stable: equal times keep the order above
    return new Timeline(ref.number(), id, ref.open(), entries);
  }

  private TimelineEntry comment(Comment comment, Collection<HistoricTaskInstance> allTasks) {
    String text = comment.getFullMessage();
    String step = stepOf(comment.getTaskId(), allTasks);
    if (text.startsWith(SentMailLog.PREFIX)) {
      return new TimelineEntry(at(comment.getTime()), Kind.NOTIFICATION, step, comment.getUserId(), List.of(), text.substring(SentMailLog.PREFIX.length()));
    }
    return EvidenceKind.parse(text)
        .map(evidence -> new TimelineEntry(at(comment.getTime()), Kind.EVIDENCE, step, comment.getUserId(),
            List.of(new Field("kind", evidence.kind().name(), evidence.kind().label())), evidence.text()))
        .orElseGet(() -> new TimelineEntry(at(comment.getTime()), Kind.COMMENT, step, comment.getUserId(), List.of(), text));
  }

  private static String stepOf(String taskId, Collection<HistoricTaskInstance> allTasks) {
    if (taskId == null) {
      return null;
    }
    return allTasks.stream().filter(t -> t.getId().equals(taskId)).map(HistoricTaskInstance::getTaskDefinitionKey).findFirst().orElse(null);
  }

  /** Who completed each task: the user of the Complete operation, if the engine recorded one. */
  private Map<String, String> completers(String processInstanceId) {
    Map<String, String> byTask = new HashMap<>();
    for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (entry.getTaskId() != null && entry.getUserId() != null) {
        byTask.putIfAbsent(entry.getTaskId(), entry.getUserId());
      }
    }
    return byTask;
  }

  private static String clientOf(List<HistoricVariableUpdate> updates) {
    return updates.stream().filter(u -> Variables.CLIENT.equals(u.getVariableName())).map(u -> Objects.toString(u.getValue(), null)).findFirst().orElse(null);
  }

  /** The values a step captured, in the order and words of its form. */
  private List<Field> fields(
      Optional<StepForm> form, List<HistoricVariableUpdate> updates, Function<String, Map<String, String>> optionLabels) {
    Map<String, Object> latest = new LinkedHashMap<>();
    for (HistoricVariableUpdate update : updates) {
      latest.put(update.getVariableName(), update.getValue());
    }
    List<Field> fields = new ArrayList<>();
    if (form.isEmpty()) {
      return fields;
    }
    for (FormField field : form.get().fields()) {
      Object value = latest.get(field.key());
      if (field.readonly() || INTERNAL.contains(field.key()) || isEmpty(value)) {
        continue;
      }
      Map<String, String> labels = field.valuesKey() == null ? field.valueLabels() : optionLabels.apply(field.valuesKey());
      fields.add(new Field(field.key(), field.label(), words(field, labels, value)));
    }
    return fields;
  }

  private List<Field> decision(HistoryService history, String processInstanceId) {
    List<Field> fields = new ArrayList<>();
    Map<String, Object> values = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableNameIn(DECISION_OUTPUTS.toArray(String[]::new)).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    for (String name : DECISION_OUTPUTS) {
      Object value = values.get(name);
      if (!isEmpty(value)) {
        String text = Variables.PRIORITY.equals(name) ? value.toString() : Durations.human(value.toString(), reader.locale());
        fields.add(new Field(name, label(name), text));
      }
    }
    return fields;
  }

  /** The labels of an incident's own options: [{"label": …, "value": …}, …] in the variable named. */
  private Map<String, String> optionLabels(String processInstanceId, String variable) {
    Map<String, String> labels = new LinkedHashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(variable).list().stream()
        .map(v -> v.getValue())
        .filter(SpinJsonNode.class::isInstance)
        .map(SpinJsonNode.class::cast)
        .filter(SpinJsonNode::isArray)
        .flatMap(options -> options.elements().stream())
        .filter(option -> option.isObject() && option.hasProp("value") && option.hasProp("label"))
        .forEach(option -> labels.put(option.prop("value").stringValue(), option.prop("label").stringValue()));
    return labels;
  }

  private String words(FormField field, Map<String, String> valueLabels, Object value) {
    if ("datetime".equals(field.type())) {
      return readable(value.toString());
    }
    if (value instanceof Boolean flag) {
      return texts.message(flag ? Texts.YES : Texts.NO, reader.locale());
    }
    if (value instanceof SpinJsonNode json && json.isArray()) {
      return String.join(", ", json.elements().stream().map(e -> valueLabels.getOrDefault(e.stringValue(), e.stringValue())).toList());
    }
    if (value instanceof Collection<?> list) {
      return String.join(", ", list.stream().map(e -> valueLabels.getOrDefault(String.valueOf(e), String.valueOf(e))).toList());
    }
    return valueLabels.getOrDefault(value.toString(), value.toString());
  }

  /** A stored time (ISO-8601) in the team's zone and the reader's words; the entry's own time stays ISO. */
  private String readable(String stored) {
    return time.formatStored(stored, reader.locale()).orElse(stored);
  }

  private String label(String name) {
    return texts.messageOr(Texts.fieldLabel(name), name, reader.locale());
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }

  private OffsetDateTime at(Date date) {
    return date.toInstant().atZone(reader.zone()).toOffsetDateTime();
  }
}
