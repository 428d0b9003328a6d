package com.incidentflow.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Every link people follow into the app — Tasklist, a step in Tasklist, Cockpit, the incident
 * report — built in one place from the base URL, so that a path of the webapps changes once.
 */
@Component
public class AppLinks {

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String COCKPIT = "/camunda/app/cockpit/default/";

  private final String baseUrl;

  public AppLinks(TeamSettings team) {
    this.baseUrl = team.baseUrl();
  }

  /** Tasklist's start page. */
  public String tasklist() {
    return baseUrl + TASKLIST;
  }

  /** One step, opened in Tasklist. */
  public String task(String taskId) {
    return baseUrl + TASKLIST + "#/?task=" + taskId;
  }

  /** Tasklist filtered to one incident's steps. */
  public String incidentSteps(String incidentNumber) {
    String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + incidentNumber + "\",\"name\":\"\"}]";
    return baseUrl + TASKLIST + "#/?searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
  }

  /** The incident's process instance in Cockpit. */
  public String cockpit(String processInstanceId) {
    return baseUrl + COCKPIT + "#/process-instance/" + processInstanceId + "/runtime";
  }

  /** The incident report as an HTML page. */
  public String report(String incidentNumber) {
    return baseUrl + "/api/incidents/" + incidentNumber + "/report";
  }
}
