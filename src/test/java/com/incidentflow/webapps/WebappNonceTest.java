package com.incidentflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import com.incidentflow.intake.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many people opening the webapps at once (an incident mail to a whole group) must each get a page
 * whose scripts carry the nonce their own Content-Security-Policy header allows; otherwise the
 * browser blocks the scripts and the page stays blank.
 */
@IncidentFlowTest
class WebappNonceTest {

  private static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");
  private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
  private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]*)\"");
  private static final int LOADS_PER_APP = 100;
  private static final int CLIENTS = 16;

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldGiveEveryPageTheNonceOfItsOwnHeaderUnderConcurrentLoads() throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Load> loads = ApiClient.simultaneously(APPS.size() * LOADS_PER_APP, CLIENTS,
        () -> load(APPS.get(next.getAndIncrement() % APPS.size())));

    List<Load> mismatched = new ArrayList<>();
    Set<String> headerNonces = new TreeSet<>();
    for (Load load : loads) {
      assertThat(load.status()).as("%s index", load.app()).isEqualTo(200);
      assertThat(load.pageNonces()).as("%s index has nonced scripts", load.app()).isNotEmpty();
      if (load.headerNonce() == null || !Set.of(load.headerNonce()).equals(Set.copyOf(load.pageNonces()))) {
        mismatched.add(load);
      }
      headerNonces.add(load.headerNonce());
    }
    assertThat(mismatched).as("pages whose script nonces differ from their CSP header's").isEmpty();
    assertThat(headerNonces).as("a fresh nonce for every response").hasSize(loads.size());
    assertThat(loads).extracting(Load::app).containsAll(APPS);
  }

  @Test
  void shouldKeepCamundasPolicyForTheWebapps() throws Exception {
    Load tasklist = load("tasklist");

    assertThat(tasklist.policy())
        .contains("script-src 'nonce-" + tasklist.headerNonce() + "' 'strict-dynamic'")
        .contains("default-src 'self'")
        .contains("object-src 'none'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("$NONCE");
  }

  private Load load(String app) throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
    Matcher header = HEADER_NONCE.matcher(policy);
    List<String> pageNonces = new ArrayList<>();
    Matcher page = PAGE_NONCE.matcher(response.body());
    while (page.find()) {
      pageNonces.add(page.group(1));
    }
    return new Load(app, response.statusCode(), policy, header.find() ? header.group(1) : null, pageNonces);
  }

  record Load(String app, int status, String policy, String headerNonce, List<String> pageNonces) {}
}
