package com.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Every cookie the app and the webapps set follows one switch, and production turns it on. */
class CookieSettingsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "server.servlet.session.cookie.secure",
    "camunda.bpm.webapp.session-cookie.enable-secure-cookie",
    "camunda.bpm.webapp.csrf.enable-secure-cookie"
  })
  void shouldMakeEveryCookieSecureInProduction(String property) throws IOException {
    assertThat(environment(false).getProperty(property, Boolean.class)).as("demo setup over plain HTTP").isFalse();
    assertThat(environment(true).getProperty(property, Boolean.class)).as("prod profile").isTrue();
  }

  /** application.yaml, and application-prod.yaml over it, as Spring Boot layers them. */
  private static StandardEnvironment environment(boolean prod) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    yaml.load("base", new ClassPathResource("application.yaml")).forEach(environment.getPropertySources()::addLast);
    if (prod) {
      yaml.load("prod", new ClassPathResource("application-prod.yaml")).forEach(environment.getPropertySources()::addFirst);
    }
    return environment;
  }
}
