package com.incidentflow.intake;

import com.incidentflow.intake.IncidentViews.Page;
import com.incidentflow.intake.IncidentViews.Summary;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.IncidentHistory;
import com.incidentflow.process.engine.IncidentHistory.Criteria;
import com.incidentflow.process.engine.IncidentHistory.Entry;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The incident list: open and closed incidents matching a search, a page at a time, newest first. */
@Service
public class IncidentListing {

  /** What a list entry shows; read in one history query per page. */
  private static final String[] SHOWN = {Variables.TITLE, Variables.PRIORITY, Variables.REPORT_SOURCE, Variables.ETA};

  private final IncidentHistory history;

  public IncidentListing(IncidentHistory history) {
    this.history = history;
  }

  public Page search(IncidentSearch search) {
    Criteria criteria = new Criteria(
        search.state() == null ? null : search.state() == IncidentSearch.State.OPEN,
        search.priority() == null ? null : search.priority().name(),
        search.client(),
        search.text());
    IncidentHistory.Page found = history.search(criteria, search.page() * search.size(), search.size());
    Map<String, Map<String, Object>> shown =
        history.values(found.entries().stream().map(Entry::processInstanceId).toList(), SHOWN);
    List<Summary> summaries =
        found.entries().stream().map(i -> summary(i, shown.getOrDefault(i.processInstanceId(), Map.of()))).toList();
    return new Page(summaries, search.page(), search.size(), found.total());
  }

  private static Summary summary(Entry incident, Map<String, Object> v) {
    return new Summary(
        incident.number(),
        IncidentDetailsView.text(v, Variables.TITLE),
        IncidentDetailsView.state(incident),
        IncidentDetailsView.text(v, Variables.PRIORITY),
        IncidentDetailsView.text(v, Variables.REPORT_SOURCE),
        IncidentDetailsView.text(v, Variables.ETA),
        incident.startedAt(),
        incident.endedAt(),
        IncidentReporting.location(incident.number()));
  }
}
