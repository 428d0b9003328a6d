package com.incidentflow.localization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Japanese locale files against the English ones of the Camunda webjar on the classpath. An
 * engine upgrade that adds Tasklist or Welcome labels fails here until they are translated; Admin
 * and Cockpit are translated in part (the rest shows the English fallback) and must not carry labels
 * the webjar no longer has.
 */
class WebappLocalesTest {

  static final String APPS = "META-INF/resources/webjars/camunda/app/";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  static final Pattern LOCALES =
      Pattern.compile("locales:\\s*\\{\\s*availableLocales:\\s*\\['en', 'ja'],\\s*fallbackLocale:\\s*'en'\\s*}");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void shouldTranslateEveryLabelOfTheWebjar(String app) throws IOException {
    JsonNode english = webjarEnglish(app).get("labels");
    JsonNode japanese = ours(app).get("labels");

    Set<String> missing = minus(names(english), names(japanese));
    Set<String> unknown = minus(names(japanese), names(english));
    assertThat(missing).as("%s labels of the webjar without a Japanese text", app).isEmpty();
    assertThat(unknown).as("%s labels the webjar does not have", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "cockpit"})
  void shouldTranslateOnlyLabelsTheWebjarHas(String app) throws IOException {
    JsonNode japanese = ours(app).get("labels");
    assertThat(minus(names(japanese), names(webjarEnglish(app).get("labels")))).as("%s labels the webjar does not have", app).isEmpty();
    // The login page is the same in every app.
    assertThat(japanese.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("ログイン");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void shouldKeepEveryPlaceholderAndTranslateEveryText(String app) throws IOException {
    JsonNode english = webjarEnglish(app).get("labels");
    JsonNode japanese = ours(app).get("labels");
    List<String> wrong = new ArrayList<>();
    japanese.fieldNames().forEachRemaining(key -> {
      String en = english.get(key).asText();
      String ja = japanese.get(key).asText();
      if (!placeholders(en).equals(placeholders(ja))) {
        wrong.add(key + ": placeholders " + placeholders(en) + " became " + placeholders(ja));
      }
      if (ja.isBlank() != en.isBlank()) {
        wrong.add(key + ": empty in one language only");
      }
    });
    assertThat(wrong).as("%s labels", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "admin", "cockpit"})
  void shouldNameDatesInJapanese(String app) throws IOException {
    JsonNode dates = ours(app).get("dateLocales");
    assertThat(names(dates)).containsAll(names(webjarEnglish(app).get("dateLocales")));
    assertThat(dates.get("weekdaysShort").get(1).asText()).isEqualTo("月");
    assertThat(dates.get("months").get(10).asText()).isEqualTo("11月");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void shouldOfferJapaneseWithEnglishAsFallback(String app) throws IOException {
    assertThat(text(APPS + app + "/scripts/config.js")).containsPattern(LOCALES);
  }

  private JsonNode webjarEnglish(String app) throws IOException {
    URL english = getClass().getClassLoader().getResource(APPS + app + "/locales/en.json");
    assertThat(english).as("the webjar's English %s labels on the classpath", app).isNotNull();
    assertThat(english.getProtocol()).as("read from the webjar, not from our resources").isEqualTo("jar");
    try (InputStream in = english.openStream()) {
      return json.readTree(in); // Jackson skips the file's byte-order mark
    }
  }

  private JsonNode ours(String app) throws IOException {
    return json.readTree(text(APPS + app + "/locales/ja.json"));
  }

  private String text(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> minus(Set<String> all, Set<String> removed) {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(removed);
    return rest;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    Collections.sort(found);
    return found;
  }
}
