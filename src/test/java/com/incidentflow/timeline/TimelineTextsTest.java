package com.incidentflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every word the timeline reads from the bundles is there in every language: none falls back to its key. */
class TimelineTextsTest {

  @ParameterizedTest
  @ValueSource(strings = {"i18n/mail.properties", "i18n/mail_ja.properties"})
  void shouldFindEveryTimelineKeyInEveryBundle(String bundle) throws IOException {
    Properties texts = load(bundle);

    assertThat(TimelineService.Texts.all())
        .contains("timeline.reported", "timeline.etaChanged", "timeline.closedDuplicate", "timeline.resolved")
        .allSatisfy(key -> assertThat(texts.getProperty(key)).as("%s in %s", key, bundle).isNotBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"i18n/mail.properties", "i18n/mail_ja.properties"})
  void shouldKeepBundlesWithTheSameKeys(String bundle) throws IOException {
    Properties english = load("i18n/mail.properties");
    Properties other = load(bundle);

    assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
  }

  private Properties load(String bundle) throws IOException {
    Properties texts = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
      assertThat(in).as(bundle).isNotNull();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }
}
