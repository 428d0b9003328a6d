package com.incidentflow.localization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TeamTimeTest {

  static final Instant NOV_30_10_UTC = Instant.parse("2026-11-30T10:00:00Z");

  private final TeamTime tokyo = new TeamTime(ZoneId.of("Asia/Tokyo"), Locale.JAPANESE);

  @Test
  void shouldShowJapaneseReadersTheTeamsZoneWithTheWeekday() {
    assertThat(tokyo.format(NOV_30_10_UTC)).isEqualTo("2026年11月30日(月) 19:00 JST");
    assertThat(tokyo.format(Date.from(NOV_30_10_UTC), Locale.JAPAN)).isEqualTo("2026年11月30日(月) 19:00 JST");
  }

  @Test
  void shouldShowEnglishReadersTheSameMomentInTheTeamsZone() {
    assertThat(tokyo.format(NOV_30_10_UTC, Locale.ENGLISH)).isEqualTo("30 Nov 2026 19:00 JST");
    assertThat(tokyo.format(NOV_30_10_UTC, Locale.GERMAN)).as("a language we have no format for").isEqualTo("30 Nov 2026 19:00 JST");
  }

  @Test
  void shouldMoveATimeRecordedWithAnotherOffsetIntoTheTeamsZone() {
    assertThat(tokyo.format(OffsetDateTime.parse("2026-11-30T10:00+00:00"))).isEqualTo("2026年11月30日(月) 19:00 JST");
    assertThat(new TeamTime(ZoneId.of("Europe/Berlin"), Locale.ENGLISH).format(NOV_30_10_UTC)).isEqualTo("30 Nov 2026 11:00 CET");
  }

  @Test
  void shouldReadEveryShapeATimeIsStoredIn() {
    assertThat(tokyo.formatStored("2026-11-30T10:00+00:00", Locale.JAPANESE)).contains("2026年11月30日(月) 19:00 JST");
    assertThat(tokyo.formatStored("2026-11-30T10:00:00Z", Locale.ENGLISH)).contains("30 Nov 2026 19:00 JST");
    // A Camunda Form's datetime field has no offset: it was meant in the team's zone.
    assertThat(tokyo.formatStored("2026-11-30T19:00", Locale.JAPANESE)).contains("2026年11月30日(月) 19:00 JST");
    assertThat(tokyo.formatStored("2026-11-30", Locale.JAPANESE)).contains("2026年11月30日(月)");
    assertThat(tokyo.formatStored("2026-11-30", Locale.ENGLISH)).contains("30 Nov 2026");
    assertThat(tokyo.format(LocalDate.of(2026, 12, 6), Locale.JAPANESE)).isEqualTo("2026年12月6日(日)");
  }

  @Test
  void shouldLeaveTextThatIsNoTimeAlone() {
    assertThat(tokyo.formatStored("next Monday", Locale.JAPANESE)).isEmpty();
    assertThat(tokyo.formatStored("2026-13-45", Locale.JAPANESE)).isEmpty();
    assertThat(tokyo.formatStored(" ", Locale.JAPANESE)).isEmpty();
    assertThat(tokyo.formatStored(null, Locale.JAPANESE)).isEmpty();
  }

  @Test
  void shouldPickTheReadersLanguageLikeTheWebapps() {
    assertThat(TeamTime.readerLocale("ja,en-US;q=0.9")).isEqualTo(Locale.JAPANESE);
    assertThat(TeamTime.readerLocale("ja-JP")).isEqualTo(Locale.JAPANESE);
    assertThat(TeamTime.readerLocale("en-US,ja;q=0.5")).isEqualTo(Locale.ENGLISH);
    assertThat(TeamTime.readerLocale("fr-FR")).isEqualTo(Locale.ENGLISH);
    assertThat(TeamTime.readerLocale(null)).isEqualTo(Locale.ENGLISH);
  }
}
