package com.incidentflow.localization;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Over HTTP, the webapps serve our config.js, user stylesheet and Japanese labels, not the
 * webjar's copies under the same path, and still the webjar's English labels.
 */
@IncidentFlowTest
class WebappResourcesServedTest {

  static final String CLASSPATH = "META-INF/resources/webjars/camunda/app/";

  @Autowired TestRestTemplate http;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void shouldServeOurConfigStylesheetAndJapaneseOverTheWebjars(String app) throws IOException {
    for (String file : List.of("scripts/config.js", "styles/user-styles.css", "locales/ja.json")) {
      List<URL> copies = Collections.list(getClass().getClassLoader().getResources(CLASSPATH + app + "/" + file));
      URL ours = copies.stream().filter(u -> u.getProtocol().equals("file")).findFirst().orElseThrow();
      ResponseEntity<byte[]> served = http.getForEntity("/camunda/app/" + app + "/" + file, byte[].class);
      assertThat(served.getStatusCode().value()).as(file).isEqualTo(200);
      assertThat(new String(served.getBody(), StandardCharsets.UTF_8)).as("%s/%s as served", app, file).isEqualTo(read(ours));
    }
    URL english = getClass().getClassLoader().getResource(CLASSPATH + app + "/locales/en.json");
    assertThat(english.getProtocol()).isEqualTo("jar");
    assertThat(http.getForEntity("/camunda/app/" + app + "/locales/en.json", byte[].class).getBody()).isEqualTo(bytes(english));
  }

  private static String read(URL url) throws IOException {
    return new String(bytes(url), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }
}
