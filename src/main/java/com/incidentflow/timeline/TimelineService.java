package com.incidentflow.timeline;

import com.incidentflow.localization.TeamTime;
import com.incidentflow.notification.Durations;
import com.incidentflow.notification.MailRenderer;
import com.incidentflow.localization.TeamTime;
import com.incidentflow.config.TeamSettings;
import com.incidentflow.notification.SentMailLog;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Forms;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.IncidentHistory;
import com.incidentflow.process.engine.IncidentRef;
import com.incidentflow.process.engine.IncidentTrail;
import com.incidentflow.process.engine.IncidentTrail.Activity;
import com.incidentflow.process.engine.IncidentTrail.Attachment;
import com.incidentflow.process.engine.IncidentTrail.Instance;
import com.incidentflow.process.engine.IncidentTrail.Note;
import com.incidentflow.process.engine.IncidentTrail.Step;
import com.incidentflow.process.engine.IncidentTrail.VariableUpdate;
import com.incidentflow.process.step.FormCatalog;
import com.incidentflow.process.step.FormField;
import com.incidentflow.process.step.StepForm;
import com.incidentflow.timeline.TimelineEntry.Field;
import com.incidentflow.timeline.TimelineEntry.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
  private final IncidentHistory incidents;
  private final IncidentTrail trail;
  private final FormCatalog forms;
  private final MailRenderer texts;
  private final TeamSettings reader;
  private final TeamTime time;

  public TimelineService(
      IncidentHistory incidents, IncidentTrail trail, FormCatalog forms, MailRenderer texts, TeamSettings reader, SentMailLog sentMails, TeamTime time) {
    this.incidents = incidents;
    this.sentMails = sentMails;
    this.trail = trail;
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
    Instance instance = trail.instance(id).orElseThrow();
    Map<String, List<VariableUpdate>> updatesByActivity = new HashMap<>();
    List<VariableUpdate> etaUpdates = new ArrayList<>();
    for (VariableUpdate update : trail.variableUpdates(id)) {
      updatesByActivity.computeIfAbsent(update.activityInstanceId(), k -> new ArrayList<>()).add(update);
      if (Variables.ETA.equals(update.name())) {
        etaUpdates.add(update);
      }
    }
    Map<String, String> completers = trail.completers(id);
    // Choices that differ per incident (a form field's valuesKey) are named by their labels then.
    Map<String, Map<String, String>> optionLabels = new HashMap<>();
    Function<String, Map<String, String>> labelsOf = key -> optionLabels.computeIfAbsent(key, k -> optionLabels(id, k));
    Map<String, Step> tasksByActivity = new HashMap<>();
    trail.steps(id).forEach(task -> tasksByActivity.put(task.activityInstanceId(), task));

    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(new TimelineEntry(at(instance.startedAt()), Kind.REPORTED, IncidentProcess.Tasks.START, instance.startedBy(),
        fields(forms.find(Forms.INCIDENT_REPORTED), updatesByActivity.getOrDefault(id, List.of()), labelsOf), texts.message(Texts.REPORTED, reader.locale())));

    for (Activity activity : trail.finishedActivities(id)) {
      if (activity.canceled()) {
        continue;
      }
      List<VariableUpdate> updates = updatesByActivity.getOrDefault(activity.id(), List.of());
      if ("userTask".equals(activity.type())) {
        Step task = tasksByActivity.get(activity.id());
        String formId = trail.formOf(instance.definitionId(), activity.activityId());
        String actor = task == null ? null : completers.getOrDefault(task.id(), task.assignee());
        String client = task == null ? null : clientOf(updates);
        entries.add(new TimelineEntry(at(activity.endedAt()), Kind.STEP, activity.activityId(), actor,
            fields(forms.find(formId), updates, labelsOf), client == null ? activity.name() : activity.name() + " — " + client));
      } else if ("businessRuleTask".equals(activity.type())) {
        entries.add(new TimelineEntry(at(activity.endedAt()), Kind.DECISION, activity.activityId(), null,
            decision(id), activity.name()));
      }
    }

    String previousEta = null;
    for (VariableUpdate update : etaUpdates) {
      String eta = Objects.toString(update.value(), null);
      if (eta != null && !eta.equals(previousEta)) {
        entries.add(new TimelineEntry(at(update.at()), Kind.ETA, null, null,
            List.of(new Field(Variables.ETA, label(Variables.ETA), readable(eta))), texts.message(Texts.ETA_CHANGED, reader.locale())));
      }
      previousEta = eta;
    }

    for (Note comment : trail.comments(id)) {
      entries.add(comment(comment, tasksByActivity.values()));
    }
    for (SentMailLog.Sent mail : sentMails.of(id)) {
      entries.add(new TimelineEntry(at(mail.at().toInstant()), Kind.NOTIFICATION, null, null, List.of(), mail.summary()));
    }
    for (Attachment attachment : trail.attachments(id)) {
      List<Field> fields = new ArrayList<>();
      if (attachment.url() != null) {
        fields.add(new Field("url", "URL", attachment.url()));
      }
      if (attachment.description() != null) {
        fields.add(new Field(ATTACHMENT_DESCRIPTION, label(ATTACHMENT_DESCRIPTION), attachment.description()));
      }
      entries.add(new TimelineEntry(at(attachment.at()), Kind.ATTACHMENT, stepOf(attachment.stepId(), tasksByActivity.values()),
          null, fields, attachment.name()));
    }

    if (instance.endedAt() != null) {
      String how = Tasks.END_DUPLICATE.equals(instance.endActivityId())
          ? texts.message(Texts.CLOSED_DUPLICATE, reader.locale())
          : texts.message(Texts.RESOLVED, reader.locale());
      entries.add(new TimelineEntry(at(instance.endedAt()), Kind.CLOSED, instance.endActivityId(), null, List.of(), how));
    }
    entries.sort(Comparator.comparing(TimelineEntry::at)); // stable: equal times keep the order above
    return new Timeline(ref.number(), id, ref.open(), entries);
  }

  private TimelineEntry comment(Note comment, Collection<Step> allTasks) {
    String text = comment.text();
    String step = stepOf(comment.stepId(), allTasks);
    if (text.startsWith(SentMailLog.PREFIX)) {
      return new TimelineEntry(at(comment.at()), Kind.NOTIFICATION, step, comment.userId(), List.of(), text.substring(SentMailLog.PREFIX.length()));
    }
    return EvidenceKind.parse(text)
        .map(evidence -> new TimelineEntry(at(comment.at()), Kind.EVIDENCE, step, comment.userId(),
            List.of(new Field("kind", evidence.kind().name(), evidence.kind().label())), evidence.text()))
        .orElseGet(() -> new TimelineEntry(at(comment.at()), Kind.COMMENT, step, comment.userId(), List.of(), text));
  }

  private static String stepOf(String taskId, Collection<Step> allTasks) {
    if (taskId == null) {
      return null;
    }
    return allTasks.stream().filter(t -> t.id().equals(taskId)).map(Step::key).findFirst().orElse(null);
  }

  private static String clientOf(List<VariableUpdate> updates) {
    return updates.stream().filter(u -> Variables.CLIENT.equals(u.name())).map(u -> Objects.toString(u.value(), null)).findFirst().orElse(null);
  }

  /** The values a step captured, in the order and words of its form. */
  private List<Field> fields(
      Optional<StepForm> form, List<VariableUpdate> updates, Function<String, Map<String, String>> optionLabels) {
    Map<String, Object> latest = new LinkedHashMap<>();
    for (VariableUpdate update : updates) {
      latest.put(update.name(), update.value());
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

  private List<Field> decision(String processInstanceId) {
    List<Field> fields = new ArrayList<>();
    Map<String, Object> values = trail.values(processInstanceId, DECISION_OUTPUTS.toArray(String[]::new));
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
    trail.valuesOf(processInstanceId, variable).stream()
        .filter(List.class::isInstance)
        .flatMap(options -> ((List<?>) options).stream())
        .filter(option -> option instanceof Map<?, ?> map && map.get("value") != null && map.get("label") != null)
        .map(option -> (Map<?, ?>) option)
        .forEach(option -> labels.put(String.valueOf(option.get("value")), String.valueOf(option.get("label"))));
    return labels;
  }

  private String words(FormField field, Map<String, String> valueLabels, Object value) {
    if ("datetime".equals(field.type())) {
      return readable(value.toString());
    }
    if (value instanceof Boolean flag) {
      return texts.message(flag ? Texts.YES : Texts.NO, reader.locale());
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

  private OffsetDateTime at(Instant instant) {
    return instant.atZone(reader.zone()).toOffsetDateTime();
  }
}
