package com.incidentflow;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Points the app under test at this JVM's GreenMail port (see {@link Mails#PORT}). */
public class TestMailPort implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addFirst(new MapPropertySource("test-smtp", Map.of("spring.mail.port", Mails.PORT)));
  }
}
