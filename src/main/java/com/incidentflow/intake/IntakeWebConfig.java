package com.incidentflow.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentflow.intake.alert.AlertAuthentication;
import com.incidentflow.intake.alert.AlertController;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the intake API: body limit, webhook authentication, and its OpenAPI description. */
@Configuration
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class IntakeWebConfig implements WebMvcConfigurer {

  static final String API_PATTERN = "/api/*";

  private final AlertAuthentication alertAuthentication;

  public IntakeWebConfig(AlertAuthentication alertAuthentication) {
    this.alertAuthentication = alertAuthentication;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(alertAuthentication).addPathPatterns(AlertController.PREFIX + "**");
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimit> intakeRequestBodyLimit(
      @Value("${incident-flow.intake.max-body-size:256KB}") DataSize limit, ObjectMapper json) {
    FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limit, json));
    registration.addUrlPatterns(API_PATTERN);
    return registration;
  }

  /** Only the intake API is described; the engine's own REST API has its own OpenAPI document. */
  @Bean
  GroupedOpenApi intakeOpenApi() {
    return GroupedOpenApi.builder().group("intake").pathsToMatch("/api/**").build();
  }
}
