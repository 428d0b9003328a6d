package com.incidentflow.notification.chat;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Points the app under test's chat at this JVM's stand-in port (see {@link ChatStandIn#PORT}). */
public class TestChatPort implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addFirst(new MapPropertySource("test-chat", Map.of("incident-flow.test.chat-port", ChatStandIn.PORT)));
  }
}
