package com.incidentflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentflow.change.ChangeController;
import com.incidentflow.intake.RequestBodyLimit;
import com.incidentflow.process.engine.EngineAccess;
import com.incidentflow.process.engine.UserDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import com.incidentflow.change.ChangeController;
import com.incidentflow.change.ChangeProperties;
import com.incidentflow.intake.alert.AlertProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may enter where: one Spring Security filter chain per entry, tried in order.
 *
 * <ol>
 *   <li>the webapps (/camunda/**): their own login, CSRF protection and headers (Camunda's), the
 *       login form under the same {@link LoginThrottle} as HTTP Basic;
 *   <li>public: the root redirect, favicon, /actuator/health and error pages;
 *   <li>the alert webhook: Alertmanager's bearer token or a login;
 *   <li>the change feed: a CI job's bearer token or an engineer's login records changes, any login
 *       reads them; GitHub's and GitLab's webhooks prove themselves with their own secret (checked by
 *       the controller, which needs the exact body for GitHub's signature);
 *   <li>metrics (/api/metrics, /actuator/prometheus): managers and incident-admins, or Prometheus'
 *       scrape token for the scrape only;
 *   <li>everything else (/api, /engine-rest, /mailbox, the rest of /actuator, Swagger UI): logged in.
 * </ol>
 *
 * Logins are HTTP Basic against Camunda's identity service; the user and groups are handed to the
 * engine for the request, so Camunda's authorizations decide the rest. Rules match the request's
 * path after Spring Security's firewall has refused every path that is not normalised ("..", "//",
 * encoded slashes or dots, ";"): no spelling of a path reaches a chain it was not meant for.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

  static final String CSP = "default-src 'self'; frame-ancestors 'none'; style-src 'self' 'unsafe-inline'";
  static final long HSTS_MAX_AGE = 31_536_000;
  static final String PROMETHEUS = "/actuator/prometheus";
  static final String ALERTS_AUTHORITY = "TOKEN_alerts";
  static final String SCRAPE_AUTHORITY = "TOKEN_prometheus";
  static final String CHANGES_AUTHORITY = "TOKEN_changes";

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  private final UserDirectory people;
  private final EngineAccess engine;
  private final SecuritySettings settings;
  private final SecurityProblems problems;
  private final StrictHttpFirewall firewall = new StrictHttpFirewall();

  public SecurityConfiguration(UserDirectory people, EngineAccess engine, SecuritySettings settings, ObjectMapper json) {
    this.people = people;
    this.engine = engine;
    this.settings = settings;
    this.problems = new SecurityProblems(json);
  }

  /** The only login provider: with it, Spring Boot creates no default user of its own. */
  @Bean
  IdentityAuthenticationProvider identityAuthenticationProvider(LoginThrottle throttle, LoginCache cache) {
    return new IdentityAuthenticationProvider(people, throttle, cache);
  }

  @Bean
  @Order(1)
  SecurityFilterChain webapps(HttpSecurity http, LoginThrottle throttle) throws Exception {
    return http.securityMatcher(paths("/camunda/**", "/camunda-welcome/**"))
        .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
        // Camunda checks the login form's password; guessing is slowed down as for HTTP Basic.
        .addFilterBefore(new WebappLoginThrottleFilter(throttle, problems), AuthorizationFilter.class)
        // Camunda's CsrfPreventionFilter, session login and HeaderSecurityFilter guard the webapps.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .headers(headers -> {
          if (settings.hsts()) {
            hsts(headers.defaultsDisabled());
          } else {
            headers.disable();
          }
        })
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain open(HttpSecurity http) throws Exception {
    return stateless(http.securityMatcher(paths("/", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/error")))
        .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain alerts(HttpSecurity http, AlertProperties alerts) throws Exception {
    String token = alerts.token();
    AuthenticationEntryPoint entry =
        problems.unauthorized(
            "Bearer realm=\"Incident Flow\", " + SecurityProblems.BASIC_CHALLENGE,
            "Send Alertmanager's bearer token or log in to the API");
    loggedIn(http.securityMatcher(paths("/api/alerts/**")), entry, problems.forbidden(user -> "Your groups may not do this"))
        .addFilterBefore(
            tokens(AccessToken.provider("alertmanager", token, ALERTS_AUTHORITY, "The bearer token is not valid for the alert webhook"), entry),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(rules -> rules.anyRequest().authenticated());
    return http.build();
  }

  /** Its paths are no other entry's, so only its place before {@link #everythingElse} matters. */
  @Bean
  @Order(4)
  SecurityFilterChain changes(HttpSecurity http, ChangeProperties changes) throws Exception {
    String token = changes.token();
    AuthenticationEntryPoint entry =
        problems.unauthorized(
            "Bearer realm=\"Incident Flow\", " + SecurityProblems.BASIC_CHALLENGE,
            "Send the change feed's bearer token or log in to the API");
    String[] writers = {CHANGES_AUTHORITY, CamundaUser.authority(Groups.ENGINEERS), CamundaUser.authority(Groups.INCIDENT_ADMINS)};
    AccessDeniedHandler refusal =
        problems.forbidden(user -> "User '" + user + "' may not record changes: only engineers and incident-admins (or the CI token) may");
    loggedIn(http.securityMatcher(paths(ChangeController.PATH, ChangeController.PATH + "/**")), entry, refusal)
        .addFilterBefore(
            tokens(AccessToken.provider("change-feed", token, CHANGES_AUTHORITY, "The bearer token is not valid for the change feed"), entry),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            rules -> rules
                .requestMatchers(paths(ChangeController.GITHUB_PATH, ChangeController.GITLAB_PATH)).permitAll()
                .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, ChangeController.PATH)).hasAnyAuthority(writers)
                // Reading is for people; the CI token only writes.
                .anyRequest().access(AuthorizationManagers.allOf(
                    AuthenticatedAuthorizationManager.authenticated(),
                    AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(CHANGES_AUTHORITY)))));
    return http.build();
  }

  @Bean
  @Order(5)
  SecurityFilterChain metrics(HttpSecurity http) throws Exception {
    String[] readers = Groups.METRICS_READERS.stream().map(CamundaUser::authority).toArray(String[]::new);
    String[] scrapers = Arrays.copyOf(readers, readers.length + 1);
    scrapers[readers.length] = SCRAPE_AUTHORITY;
    AuthenticationEntryPoint entry = problems.unauthorized(
        "Bearer realm=\"Incident Flow\", " + SecurityProblems.BASIC_CHALLENGE, "Log in with HTTP Basic.");
    AccessDeniedHandler refusal =
        problems.forbidden(
            user -> "User '" + user + "' may not read incident metrics: only members of "
                + String.join(" or ", Groups.METRICS_READERS.stream().sorted().toList()) + " may");
    loggedIn(http.securityMatcher(paths("/api/metrics", "/api/metrics/**", PROMETHEUS, PROMETHEUS + "/**")), entry, refusal)
        .addFilterBefore(
            tokens(AccessToken.provider("prometheus", settings.prometheusToken(), SCRAPE_AUTHORITY, "The bearer token is not valid for the scrape"), entry),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            rules -> rules.requestMatchers(paths(PROMETHEUS, PROMETHEUS + "/**")).hasAnyAuthority(scrapers)
                .anyRequest().hasAnyAuthority(readers));
    return http.build();
  }

  @Bean
  @Order(6)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint entry = problems.unauthorized(SecurityProblems.BASIC_CHALLENGE, "Log in with HTTP Basic.");
    loggedIn(http.securityMatcher(AnyRequestMatcher.INSTANCE), entry, problems.forbidden(user -> "Your groups may not do this"))
        .authorizeHttpRequests(rules -> rules.anyRequest().authenticated());
    return http.build();
  }

  /** A path that is not normalised is refused before any chain is chosen, with a problem body. */
  @Bean
  WebSecurityCustomizer refuseUnnormalisedPaths() {
    return web -> web.httpFirewall(firewall).requestRejectedHandler(rejected());
  }

  private RequestRejectedHandler rejected() {
    return (request, response, e) -> {
      log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
      problems.write(request, response, HttpStatus.BAD_REQUEST, "Bad request", "The request path is not in normal form.");
    };
  }

  /** Like the intake API's, so that no client can make the engine's REST API buffer without end. */
  @Bean
  FilterRegistrationBean<RequestBodyLimit> engineRestBodyLimit(ObjectMapper json) {
    FilterRegistrationBean<RequestBodyLimit> registration =
        new FilterRegistrationBean<>(new RequestBodyLimit(settings.engineRestMaxBodySize(), json));
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /**
   * The same firewall once more in front of the security filter chain: Spring parses the request
   * path for its matchers before the chain's own firewall runs, and fails with a 500 on a path
   * whose raw form and servlet path disagree (e.g. "/camunda/app/%2e%2e/%2e%2e/engine-rest/task").
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> firewallInFront() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                try {
                  firewall.getFirewalledRequest(request);
                } catch (RequestRejectedException e) {
                  rejected().handle(request, response, e);
                  return;
                }
                chain.doFilter(request, response);
              }
            });
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  /**
   * An entry that takes a login with every request (HTTP Basic; no session, so no cookie can act
   * for the user and there is nothing for CSRF to forge), refuses with problem bodies, and hands the
   * user to the engine.
   */
  private HttpSecurity loggedIn(HttpSecurity http, AuthenticationEntryPoint entry, AccessDeniedHandler refusal) throws Exception {
    return stateless(http)
        .httpBasic(basic -> basic.authenticationEntryPoint(entry))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entry).accessDeniedHandler(refusal))
        .addFilterAfter(new EngineAuthenticationFilter(engine), AuthorizationFilter.class);
  }

  private HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .anonymous(Customizer.withDefaults())
        .headers(this::headers);
  }

  private static AuthenticationFilter tokens(
      org.springframework.security.authentication.AuthenticationProvider provider, AuthenticationEntryPoint entry) {
    AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider), AccessToken.converter());
    filter.setSuccessHandler((request, response, authentication) -> {});
    filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entry));
    return filter;
  }

  /** Headers of the app's own responses (the webapps get theirs from Camunda). */
  private void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers.frameOptions(frame -> frame.deny())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP));
    hsts(headers);
  }

  private void hsts(HeadersConfigurer<HttpSecurity> headers) {
    if (settings.hsts()) {
      // Also behind a proxy that ends TLS, where the request itself looks like plain HTTP.
      headers.httpStrictTransportSecurity(
          hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE).maxAgeInSeconds(HSTS_MAX_AGE));
    } else {
      headers.httpStrictTransportSecurity(hsts -> hsts.disable());
    }
  }

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Arrays.stream(patterns).map(builder::matcher).map(RequestMatcher.class::cast).toList());
  }
}
