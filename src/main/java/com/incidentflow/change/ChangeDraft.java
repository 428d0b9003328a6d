package com.incidentflow.change;

import java.time.OffsetDateTime;

/** A change as a sender described it, before it is recorded. */
public record ChangeDraft(
    ChangeSource source,
    String sourceId,
    String service,
    String environment,
    String version,
    String summary,
    Change.Author author,
    String link,
    OffsetDateTime changedAt) {}
