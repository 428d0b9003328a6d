package com.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "PT30M, 30 min, 30分",
    "PT90M, 90 min, 90分",
    "PT4H, 4 h, 4時間",
    "PT24H, 1 day, 1日",
    "P2D, 2 days, 2日",
    "PT36H, 36 h, 36時間"
  })
  void shouldSayADurationInTheReadersWords(String iso, String english, String japanese) {
    assertThat(Durations.human(iso, Locale.ENGLISH)).isEqualTo(english);
    assertThat(Durations.human(iso, Locale.JAPANESE)).isEqualTo(japanese);
  }

  @ParameterizedTest
  @CsvSource({"soon", "4h", "''"})
  void shouldLeaveWhatIsNoDurationAsItIs(String text) {
    assertThat(Durations.human(text, Locale.ENGLISH)).isEqualTo(text);
  }
}
