package com.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentflow.notification.NotificationDelivery;
import com.incidentflow.process.step.FormCatalog;
import com.incidentflow.process.step.FormField;
import com.incidentflow.process.step.StepForm;
import java.io.File;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.junit.jupiter.api.Test;

/** Keeps the model tidy and in step with the code: the build fails when they drift apart. */
class IncidentResponseModelTest {

  static final File MODEL = new File("processes/incident-response.bpmn");
  static final BpmnModelInstance bpmn = Bpmn.readModelFromFile(MODEL);
  static final BpmnModelInstance delivery = Bpmn.readModelFromFile(new File("processes/notification-delivery.bpmn"));
  static final Map<String, StepForm> forms = new FormCatalog().all();

  @Test
  void shouldHaveReadableIdsOnEveryElement() {
    for (FlowElement element : bpmn.getModelElementsByType(FlowElement.class)) {
      assertThat(element.getId())
          .as("id of %s", element.getName())
          .matches("(StartEvent|EndEvent|BoundaryEvent|SubProcess|UserTask|ServiceTask|BusinessRuleTask|Gateway|SequenceFlow)_[A-Z][A-Za-z]+");
    }
  }

  @Test
  void shouldNameEveryStepInEnglishAndJapanese() {
    for (FlowNode node : bpmn.getModelElementsByType(FlowNode.class)) {
      if (node.getId().startsWith("Gateway_") && node.getName() == null) {
        continue; // joining gateways carry no question
      }
      assertThat(node.getName()).as("name of %s", node.getId()).matches("[A-Z][^()]+ \\(.*\\p{IsHan}.*\\)|[A-Z][^()]+ \\(.*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*\\)");
    }
  }

  @Test
  void shouldDrawEveryElement() {
    Set<String> drawn = new HashSet<>();
    bpmn.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    bpmn.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    Set<String> elements = bpmn.getModelElementsByType(FlowElement.class).stream().map(BaseElement::getId).collect(Collectors.toSet());
    assertThat(drawn).containsAll(elements);
  }

  @Test
  void shouldKeepHistoryForAFixedTime() {
    Process process = bpmn.getModelElementById(IncidentProcess.PROCESS_KEY);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    assertThat(process.isExecutable()).isTrue();
  }

  /**
   * A step that notifies only queues its notification, in the step's own transaction, so the incident
   * never waits for a mail server and no background job touches its executions; the sending is an
   * asynchronous, retried step of the delivery process. Linking a duplicate writes to another incident:
   * asynchronous and retried too.
   */
  @Test
  void shouldQueueNotificationsInTheStepAndDeliverThemAsyncRetried() {
    for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaDelegateExpression()).as("%s delegate", task.getId()).matches("\\$\\{[a-z][A-Za-z]+Delegate}");
      assertThat(task.getCamundaClass()).as("%s camunda:class", task.getId()).isNull();
      boolean async = task.getId().equals(IncidentProcess.Tasks.LINK_DUPLICATE);
      assertThat(task.isCamundaAsyncBefore()).as("%s asyncBefore", task.getId()).isEqualTo(async);
      assertThat(task.isCamundaAsyncAfter()).as("%s asyncAfter", task.getId()).isEqualTo(async);
    }
    ServiceTask deliver = delivery.getModelElementById(NotificationDelivery.Tasks.DELIVER);
    assertThat(deliver.isCamundaAsyncBefore()).isTrue();
    assertThat(deliver.getCamundaDelegateExpression()).isEqualTo("${deliverNotificationDelegate}");
    assertThat(deliver.getExtensionElements().getElementsQuery().count()).as("retry cycle").isPositive();
    Process process = delivery.getModelElementById(NotificationDelivery.PROCESS_KEY);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
  }

  @Test
  void shouldDrawEveryElementOfTheDeliveryProcess() {
    Set<String> drawn = new HashSet<>();
    delivery.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    delivery.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    Set<String> elements = delivery.getModelElementsByType(FlowElement.class).stream().map(BaseElement::getId).collect(Collectors.toSet());
    assertThat(drawn).containsAll(elements);
  }

  @Test
  void shouldGiveEveryUserTaskAGroupAndAnExistingForm() {
    Set<String> groups = Set.of("engineers", "managers", "cs", "${helpGroup}");
    for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaCandidateGroups()).as("%s groups", task.getId()).isIn(groups);
      assertThat(forms).as("%s form", task.getId()).containsKey(task.getCamundaFormRef());
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("latest");
    }
    StartEvent start = bpmn.getModelElementById(IncidentProcess.Tasks.START);
    assertThat(forms).containsKey(start.getCamundaFormRef());
  }

  @Test
  void shouldListInIncidentProcessEveryIdTheCodeUses() throws IllegalAccessException {
    for (Field constant : IncidentProcess.Tasks.class.getFields()) {
      String id = (String) constant.get(null);
      assertThat((Object) bpmn.getModelElementById(id)).as("element %s", id).isNotNull();
    }
  }

  @Test
  void shouldNameEveryFormOfTheModelInIncidentProcess() throws IllegalAccessException {
    Set<String> constants = new java.util.HashSet<>();
    for (Field constant : IncidentProcess.Forms.class.getFields()) {
      constants.add((String) constant.get(null));
    }
    Set<String> used = new java.util.HashSet<>();
    bpmn.getModelElementsByType(UserTask.class).forEach(task -> used.add(task.getCamundaFormRef()));
    used.add(((StartEvent) bpmn.getModelElementById(IncidentProcess.Tasks.START)).getCamundaFormRef());

    assertThat(constants).containsExactlyInAnyOrderElementsOf(used);
    assertThat(forms.keySet()).containsAll(constants);
  }

  @Test
  void shouldOfferInFormsExactlyTheChoicesTheCodeKnows() {
    Map<String, Class<? extends Enum<?>>> choiceOf =
        Map.of(
            IncidentProcess.Variables.REPORT_SOURCE, Choices.ReportSource.class,
            IncidentProcess.Variables.RECENT_CHANGE, Choices.RecentChange.class,
            IncidentProcess.Variables.IMPORTANCE, Choices.Importance.class,
            IncidentProcess.Variables.URGENCY, Choices.Urgency.class,
            IncidentProcess.Variables.FIRST_RESPONSE_RESULT, Choices.FirstResponseResult.class,
            IncidentProcess.Variables.INVESTIGATION_OUTCOME, Choices.InvestigationOutcome.class,
            IncidentProcess.Variables.CONTACT_CHANNEL, Choices.ContactChannel.class,
            IncidentProcess.Variables.REVIEW_DECISION, Choices.ReviewDecision.class);
    List<String> scopes = Arrays.stream(Choices.Scope.values()).map(Enum::name).toList();
    for (StepForm form : forms.values()) {
      for (FormField field : form.fields()) {
        if (field.allowedValues().isEmpty() || field.readonly()) {
          continue;
        }
        if (choiceOf.containsKey(field.key())) {
          List<String> known = Arrays.stream(choiceOf.get(field.key()).getEnumConstants()).map(Enum::name).toList();
          assertThat(field.allowedValues()).as("%s in %s", field.key(), form.id()).containsExactlyElementsOf(known);
        } else if (field.key().endsWith("Scope")) {
          assertThat(scopes).as("%s in %s", field.key(), form.id()).containsAll(field.allowedValues());
        }
      }
    }
  }

  @Test
  void shouldUseOnlyVariableNamesTheCodeKnows() throws Exception {
    Set<String> known = new HashSet<>();
    for (Field constant : IncidentProcess.Variables.class.getFields()) {
      known.add((String) constant.get(null));
    }
    for (StepForm form : forms.values()) {
      assertThat(form.fields()).extracting(FormField::key).as("keys of %s", form.id()).allMatch(known::contains);
    }
    for (SequenceFlow flow : bpmn.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() != null) {
        String condition = flow.getConditionExpression().getTextContent();
        String variable = condition.replaceAll("^\\$\\{(not )?([a-zA-Z]+).*$", "$2");
        assertThat(known).as("variable in %s", flow.getId()).contains(variable);
      }
    }
  }

  @Test
  void shouldBeValidFormJson() throws Exception {
    Collection<File> files = List.of(new File("processes").listFiles((dir, name) -> name.endsWith(".form")));
    assertThat(files).hasSize(13);
    for (File file : files) {
      var json = new ObjectMapper().readTree(file);
      assertThat(json.path("id").asText()).isEqualTo(file.getName().replace(".form", ""));
      assertThat(json.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    }
  }
}
