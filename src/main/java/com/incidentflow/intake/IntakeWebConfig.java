package com.incidentflow.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the intake API: body limit and its OpenAPI description (who may call it: security/). */
@Configuration
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class IntakeWebConfig {

  static final String API_PATTERN = "/api/*";

  @Bean
  FilterRegistrationBean<RequestBodyLimit> intakeRequestBodyLimit(
      IntakeProperties intake, ObjectMapper json) {
    FilterRegistrationBean<RequestBodyLimit> registration =
        new FilterRegistrationBean<>(new RequestBodyLimit(intake.maxBodySize(), json));
    registration.addUrlPatterns(API_PATTERN);
    return registration;
  }

  /** Only the intake API is described; the engine's own REST API has its own OpenAPI document. */
  @Bean
  GroupedOpenApi intakeOpenApi() {
    return GroupedOpenApi.builder().group("intake").pathsToMatch("/api/**").build();
  }
}
