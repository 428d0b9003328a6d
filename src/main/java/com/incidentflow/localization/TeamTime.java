package com.incidentflow.localization;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/**
 * Times as people read them: in the team's time zone and the reader's language, e.g.
 * {@code 2026年11月30日(月) 19:00 JST} or {@code 30 Nov 2026 19:00 JST}. Mails, the incident report,
 * the timeline's words, the mailbox and the Cockpit view use it; APIs keep ISO-8601 with offset.
 * Japanese for a Japanese reader, English for everyone else.
 */
public final class TeamTime {

  private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm z", Locale.JAPANESE);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm z", Locale.ENGLISH);
  private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日(E)", Locale.JAPANESE);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

  private final ZoneId zone;
  private final Locale locale;

  /**
   * @param zone the team's time zone
   * @param locale the team's language, for readers the app does not ask (mails, the report)
   */
  public TeamTime(ZoneId zone, Locale locale) {
    this.zone = zone;
    this.locale = locale;
  }

  public ZoneId zone() {
    return zone;
  }

  public Locale locale() {
    return locale;
  }

  public String format(Instant at) {
    return format(at, locale);
  }

  public String format(Instant at, Locale reader) {
    return (japanese(reader) ? JA_TIME : EN_TIME).format(at.atZone(zone));
  }

  public String format(OffsetDateTime at) {
    return format(at.toInstant(), locale);
  }

  public String format(Date at, Locale reader) {
    return format(at.toInstant(), reader);
  }

  public String format(LocalDate day, Locale reader) {
    return (japanese(reader) ? JA_DATE : EN_DATE).format(day);
  }

  /**
   * A time as a form or the API stored it: ISO-8601 with an offset, a local date and time (a
   * Camunda Form's datetime field, meant in the team's zone), or a date. Anything else is no time.
   */
  public Optional<String> formatStored(String text, Locale reader) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip();
    try {
      return Optional.of(format(ZonedDateTime.parse(value).toInstant(), reader));
    } catch (DateTimeException notZoned) {
      // next shape
    }
    try {
      return Optional.of(format(LocalDateTime.parse(value).atZone(zone).toInstant(), reader));
    } catch (DateTimeException notLocal) {
      // next shape
    }
    try {
      return Optional.of(format(LocalDate.parse(value), reader));
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }

  /**
   * The reader's language from an Accept-Language header, as the webapps choose theirs: Japanese
   * when the first language is Japanese, else English.
   */
  public static Locale readerLocale(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.ENGLISH;
    }
    String first = acceptLanguage.split(",")[0].split(";")[0].strip();
    return japanese(Locale.forLanguageTag(first)) ? Locale.JAPANESE : Locale.ENGLISH;
  }

  private static boolean japanese(Locale reader) {
    return reader != null && "ja".equals(reader.getLanguage());
  }
}
