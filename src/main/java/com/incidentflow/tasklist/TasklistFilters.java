package com.incidentflow.tasklist;

import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.security.Groups;
import com.incidentflow.security.RoleModel;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters: "My work" first, so everyone opens Tasklist on their own work, then one filter
 * per role, each readable by its role's groups. Created on first start and brought back in line on every later start (matched by name).
 */
@Component
public class TasklistFilters {

  static final String MY_WORK = "My work (自分の作業)";

  private final FilterService filters;
  private final TaskService tasks;
  private final RoleModel roles;

  public TasklistFilters(FilterService filters, TaskService tasks, RoleModel roles) {
    this.filters = filters;
    this.tasks = tasks;
    this.roles = roles;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void ensureFilters() {
    List<String> everyone = List.of(Groups.ENGINEERS, Groups.MANAGERS, Groups.CS, Groups.FRONTEND, Groups.BACKEND, Groups.INFRA);
    ensure(MY_WORK, -20, "Tasks for your groups and tasks assigned to you / 担当グループと自分のタスク", everyone,
        q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensure("Assigned to me (自分が担当)", -10, "Tasks you claimed / 自分が引き受けたタスク", everyone,
        q -> q.taskAssigneeExpression("${currentUser()}"));
    ensure("Engineering (エンジニア)", 10, "Confirm, investigate, respond, fix, review", List.of(Groups.ENGINEERS),
        q -> q.taskCandidateGroup(Groups.ENGINEERS).includeAssignedTasks());
    ensure("Manager judgements (上長の判断)", 20, "Judge importance and urgency", List.of(Groups.MANAGERS),
        q -> q.taskCandidateGroup(Groups.MANAGERS).includeAssignedTasks());
    ensure("Client contact (クライアント連絡)", 30, "Contact and apologise to affected clients", List.of(Groups.CS),
        q -> q.taskCandidateGroup(Groups.CS).includeAssignedTasks());
    ensure("Specialist help (専門チームへの依頼)", 40, "Help requested from frontend, backend or infra", Groups.SPECIALISTS,
        q -> q.taskCandidateGroupIn(Groups.SPECIALISTS).includeAssignedTasks());
    ensure("All incident tasks (すべてのタスク)", 50, "Every open step of every incident (what each person sees still follows their groups)",
        List.of(Groups.MANAGERS, Groups.INCIDENT_ADMINS), q -> q);
  }

  private void ensure(
      String name, int priority, String description, List<String> readers, Function<TaskQuery, TaskQuery> query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    TaskQuery base = tasks.createTaskQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY);
    filter.setQuery(query.apply(base));
    filter.setProperties(properties(priority, description));
    filters.saveFilter(filter);
    for (String group : readers) {
      roles.grantGroup(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static Map<String, Object> properties(int priority, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put(
        "variables",
        List.of(
            Map.of("name", Variables.INCIDENT_NUMBER, "label", "Incident"),
            Map.of("name", Variables.PRIORITY, "label", "Priority"),
            Map.of("name", Variables.TITLE, "label", "Title"),
            Map.of("name", Variables.CLIENT, "label", "Client")));
    return properties;
  }
}
