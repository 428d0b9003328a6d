package com.incidentflow.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.Choices;
import com.incidentflow.process.engine.UserDirectory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The change feed on an incident (状況の確認 3: was a related feature changed recently, and by whom?):
 * which changes to offer on "Confirm the situation", and what follows when some are suspected.
 */
@Service
public class IncidentChanges {

  /** The checklist's "none of these is related"; chosen alone. */
  public static final String NONE_RELATED = Choices.NONE_RELATED;

  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ChangeFeed feed;
  private final ChangeProperties settings;
  private final TeamSettings team;
  private final UserDirectory people;
  private final ObjectMapper json = new ObjectMapper();

  public IncidentChanges(ChangeFeed feed, ChangeProperties settings, TeamSettings team, UserDirectory people) {
    this.feed = feed;
    this.settings = settings;
    this.team = team;
    this.people = people;
  }

  /** What "Confirm the situation" shows: the changes, and the checklist's options (the changes, then "none related"). */
  public record Offer(List<Change> changes, String changesJson, String optionsJson) {}

  /**
   * The changes of the look-back window before the incident occurred, newest first.
   *
   * @param occurredAt as the start form or API gave it (with or without offset); blank: reportedAt
   * @param services the services the reporter named, comma-separated; blank: all
   */
  public Offer offer(String occurredAt, Instant reportedAt, String services) {
    Instant occurred = occurred(occurredAt, reportedAt);
    List<String> named = services == null ? List.of() : Arrays.stream(services.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    List<Change> changes = feed.before(occurred, settings.lookback(), named);
    ArrayNode shown = json.createArrayNode();
    ArrayNode options = json.createArrayNode();
    for (Change change : changes) {
      ObjectNode item = shown.addObject();
      item.put("id", String.valueOf(change.id()));
      item.put("service", change.service());
      item.put("environment", change.environment());
      item.put("version", change.version());
      item.put("summary", change.summary());
      item.put("author", change.author().display());
      item.put("authorUser", change.author().user());
      item.put("link", change.link());
      item.put("changedAt", change.changedAt().toString());
      options.addObject().put("label", label(change)).put("value", String.valueOf(change.id()));
    }
    if (!changes.isEmpty()) {
      options.addObject().put("label", "どれも関係ない / None of these is related").put("value", NONE_RELATED);
    }
    return new Offer(changes, shown.toString(), options.toString());
  }

  /** "2026-11-25 08:40 billing 2.7.1 (production) — Round totals — Alice <alice@…> — https://…" in the team's zone. */
  public String label(Change change) {
    String line = change.changedAt().atZoneSameInstant(team.zone()).format(SHOWN) + " " + change.headline() + " — " + change.author().display();
    return change.link() == null ? line : line + " — " + change.link();
  }

  /** What the engineer marked, in words for the manager: "… by …", one per line. */
  public String inWords(List<Change> suspected) {
    return String.join("\n", suspected.stream()
        .map(c -> c.headline() + " by " + c.author().display() + (c.link() == null ? "" : " (" + c.link() + ")"))
        .toList());
  }

  /** The marked changes among those offered (ids as the checklist sends them); "none related" marks none. */
  public List<Change> suspected(Collection<String> marked) {
    List<Long> ids = new ArrayList<>();
    for (String value : marked) {
      if (!NONE_RELATED.equals(value)) {
        try {
          ids.add(Long.valueOf(value));
        } catch (NumberFormatException notAChange) {
          // Refused by the step's validation before this point; nothing to mark.
        }
      }
    }
    return feed.byIds(ids);
  }

  /**
   * Who of the authors can be asked in Incident Flow: the identity-service user the sender named, or
   * the user with the author's e-mail address. Callers in a step run this without the step's
   * authorization: an engineer may not list users, but the incident still needs its author.
   */
  public Set<String> askableAuthors(List<Change> suspected) {
    Set<String> users = new LinkedHashSet<>();
    for (Change change : suspected) {
      String user = change.author().user();
      if (user != null && people.exists(user)) {
        users.add(user);
      } else if (change.author().email() != null) {
        people.userWithEmail(change.author().email()).ifPresent(users::add);
      }
    }
    return users;
  }

  /** Whether any of these users has an address to be asked at (else the mail would go to nobody). */
  public boolean reachableByMail(Set<String> users) {
    return people.emailsOf(users).stream().anyMatch(email -> email != null && !email.isBlank());
  }

  public void markSuspected(String processInstanceId, String incidentNumber, List<Change> suspected, Instant at) {
    feed.markSuspected(processInstanceId, incidentNumber, suspected.stream().map(Change::id).toList(), at);
  }

  private Instant occurred(String occurredAt, Instant fallback) {
    if (occurredAt == null || occurredAt.isBlank()) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(occurredAt).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        // The start form's date-time field without an offset is the team's local time.
        return LocalDateTime.parse(occurredAt).atZone(team.zone()).toInstant();
      } catch (DateTimeParseException unreadable) {
        return fallback;
      }
    }
  }
}
