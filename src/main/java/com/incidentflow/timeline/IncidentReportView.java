package com.incidentflow.timeline;

import java.util.List;

/** The incident report (障害報告書) as a reader sees it, before it is rendered as Markdown or HTML. */
public record IncidentReportView(
    String number,
    String title,
    String priority,
    String status,
    String reported,
    String closed,
    List<Section> sections,
    List<Line> timeline) {

  /** A part of the report: the steps that speak to it, each with what it recorded. */
  public record Section(String heading, List<Step> steps) {}

  public record Step(String heading, List<TimelineEntry.Field> fields, String text) {}

  /** One line of the timeline. */
  public record Line(String at, String actor, String what, String detail) {}
}
