package com.incidentflow.notification;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** ISO-8601 durations from the priority decision, as a person reads them. */
public final class Durations {

  private Durations() {}

  public static String human(String iso, Locale locale) {
    Duration duration;
    try {
      duration = Duration.parse(iso);
    } catch (DateTimeParseException notADuration) {
      return iso;
    }
    boolean ja = Locale.JAPANESE.getLanguage().equals(locale.getLanguage());
    long minutes = duration.toMinutes();
    if (minutes % (60 * 24) == 0) {
      return (minutes / (60 * 24)) + (ja ? "日" : minutes == 60 * 24 ? " day" : " days");
    }
    if (minutes % 60 == 0) {
      return (minutes / 60) + (ja ? "時間" : " h");
    }
    return minutes + (ja ? "分" : " min");
  }
}
