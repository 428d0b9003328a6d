package com.incidentflow.change;

import com.incidentflow.change.Change.Author;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The change feed: records deploys and merged changes once per source id, and finds those that came
 * shortly before an incident. Times are stored in UTC.
 */
@Service
public class ChangeFeed {

  /** More would not fit a form a person reads in the first minutes of an incident. */
  static final int MAX_ON_INCIDENT = 30;

  private static final String COLUMNS =
      "id, source, source_id, service, environment, version, summary, author_name, author_email, author_user, link, changed_at, recorded_at";

  private final JdbcTemplate jdbc;

  public ChangeFeed(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Recorded(boolean created, Change change) {}

  public record Page(List<Change> items, int page, int size, long total) {}

  /** Records the change unless one with its source id exists; then answers that one, unchanged. */
  public Recorded record(ChangeDraft draft) {
    Optional<Change> existing = bySourceId(draft.sourceId());
    if (existing.isPresent()) {
      return new Recorded(false, existing.get());
    }
    Author author = draft.author() == null ? new Author(null, null, null) : draft.author();
    try {
      jdbc.update(
          "INSERT INTO change_event (source, source_id, service, environment, version, summary, author_name, author_email,"
              + " author_user, link, changed_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          draft.source().name(), draft.sourceId(), draft.service(), draft.environment(), draft.version(), draft.summary(),
          author.name(), author.email(), author.user(), draft.link(), utc(draft.changedAt()), utc(OffsetDateTime.now()));
    } catch (DuplicateKeyException sameMomentDelivery) {
      // Another delivery of the same change won the unique key a moment ago.
      return new Recorded(false, bySourceId(draft.sourceId()).orElseThrow());
    }
    return new Recorded(true, bySourceId(draft.sourceId()).orElseThrow());
  }

  public Optional<Change> bySourceId(String sourceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM change_event WHERE source_id = ?", ROW, sourceId).stream().findFirst();
  }

  /** Newest first; every filter optional (service: exact, any case). */
  public Page search(String service, OffsetDateTime since, OffsetDateTime until, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (service != null && !service.isBlank()) {
      where.append(" AND LOWER(service) = ?");
      args.add(service.strip().toLowerCase(Locale.ROOT));
    }
    if (since != null) {
      where.append(" AND changed_at >= ?");
      args.add(utc(since));
    }
    if (until != null) {
      where.append(" AND changed_at < ?");
      args.add(utc(until));
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM change_event" + where, Long.class, args.toArray());
    List<Object> paged = new ArrayList<>(args);
    paged.add(size);
    paged.add((long) page * size);
    List<Change> items =
        jdbc.query("SELECT " + COLUMNS + " FROM change_event" + where + " ORDER BY changed_at DESC, id DESC LIMIT ? OFFSET ?",
            ROW, paged.toArray());
    return new Page(items, page, size, total == null ? 0 : total);
  }

  /**
   * The changes of the window before an incident occurred, newest first: in the named services if
   * any were named (any case), else in all.
   */
  public List<Change> before(Instant occurred, java.time.Duration window, Collection<String> services) {
    List<Object> args = new ArrayList<>();
    args.add(LocalDateTime.ofInstant(occurred.minus(window), ZoneOffset.UTC));
    args.add(LocalDateTime.ofInstant(occurred, ZoneOffset.UTC));
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM change_event WHERE changed_at >= ? AND changed_at <= ?");
    List<String> named = services.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
    if (!named.isEmpty()) {
      sql.append(" AND LOWER(service) IN (").append(String.join(", ", named.stream().map(s -> "?").toList())).append(')');
      args.addAll(named);
    }
    sql.append(" ORDER BY changed_at DESC, id DESC LIMIT ").append(MAX_ON_INCIDENT);
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  public List<Change> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM change_event WHERE id IN (" + String.join(", ", ids.stream().map(i -> "?").toList())
            + ") ORDER BY changed_at DESC, id DESC",
        ROW, ids.toArray());
  }

  /** Notes that an incident's engineer suspects these changes (once per change and incident). */
  public void markSuspected(String processInstanceId, String incidentNumber, Collection<Long> changeIds, Instant at) {
    for (Long id : changeIds) {
      Integer known = jdbc.queryForObject(
          "SELECT COUNT(*) FROM change_suspected WHERE process_instance_id = ? AND change_id = ?", Integer.class, processInstanceId, id);
      if (known == null || known == 0) {
        jdbc.update("INSERT INTO change_suspected (process_instance_id, change_id, incident_number, marked_at) VALUES (?, ?, ?, ?)",
            processInstanceId, id, incidentNumber, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      }
    }
  }

  static LocalDateTime utc(OffsetDateTime time) {
    return time.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }

  private static final RowMapper<Change> ROW = (ResultSet rs, int n) -> change(rs);

  private static Change change(ResultSet rs) throws SQLException {
    return new Change(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("source_id"),
        rs.getString("service"),
        rs.getString("environment"),
        rs.getString("version"),
        rs.getString("summary"),
        new Author(rs.getString("author_name"), rs.getString("author_email"), rs.getString("author_user")),
        rs.getString("link"),
        rs.getObject("changed_at", LocalDateTime.class).atOffset(ZoneOffset.UTC),
        rs.getObject("recorded_at", LocalDateTime.class).atOffset(ZoneOffset.UTC));
  }
}
