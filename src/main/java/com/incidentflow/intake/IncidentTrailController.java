package com.incidentflow.intake;

import com.incidentflow.process.engine.CurrentUser;
import com.incidentflow.process.engine.EngineAccess;
import com.incidentflow.timeline.EvidenceKind;
import com.incidentflow.timeline.EvidenceService;
import com.incidentflow.timeline.EvidenceService.InvalidEvidence;
import com.incidentflow.timeline.IncidentReportService;
import com.incidentflow.timeline.Timeline;
import com.incidentflow.timeline.TimelineService;
import java.net.URI;
import java.util.Arrays;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An incident's evidence trail over HTTP: read the timeline and the report, add evidence. Beside
 * {@link IncidentController}, so that one feature answers everything under /api/incidents; the
 * timeline feature builds what it returns.
 */
@RestController
@RequestMapping(IncidentReporting.API_PATH + "/{number}")
public class IncidentTrailController {

  static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

  private final TimelineService timelines;
  private final EvidenceService evidence;
  private final IncidentReportService reports;
  private final EngineAccess engine;

  public IncidentTrailController(TimelineService timelines, EvidenceService evidence, IncidentReportService reports, EngineAccess engine) {
    this.timelines = timelines;
    this.evidence = evidence;
    this.reports = reports;
    this.engine = engine;
  }

  @GetMapping(value = "/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
  public Timeline timeline(@PathVariable String number) {
    return timelines.of(number).orElseThrow(() -> new IncidentNotFoundException(number));
  }

  @GetMapping(value = "/report.md")
  public ResponseEntity<String> markdown(@PathVariable String number) {
    return ResponseEntity.ok().contentType(MARKDOWN).body(reports.markdown(number).orElseThrow(() -> new IncidentNotFoundException(number)));
  }

  @GetMapping(value = "/report", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> html(@PathVariable String number) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(reports.html(number).orElseThrow(() -> new IncidentNotFoundException(number)));
  }

  /** One evidence entry: kind is PREMISE, INVESTIGATED, THOUGHT or TRIED. */
  public record NewEvidence(String kind, String text) {}

  @PostMapping(value = "/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> addEvidence(@PathVariable String number, @RequestBody NewEvidence entry) {
    if (entry == null || entry.kind() == null || entry.kind().isBlank()) {
      throw new InvalidEvidence("kind", "is required: one of " + Arrays.toString(EvidenceKind.values()));
    }
    EvidenceKind kind;
    try {
      kind = EvidenceKind.valueOf(entry.kind().trim());
    } catch (IllegalArgumentException unknown) {
      throw new InvalidEvidence("kind", "must be one of " + Arrays.toString(EvidenceKind.values()) + ", not '" + entry.kind() + "'");
    }
    CurrentUser user = engine.currentUser().orElseThrow(() -> new IllegalStateException("Evidence needs an authenticated user"));
    evidence.add(number, kind, entry.text(), user.id(), user.groups());
    return ResponseEntity.created(URI.create("/api/incidents/" + number + "/timeline")).build();
  }
}
