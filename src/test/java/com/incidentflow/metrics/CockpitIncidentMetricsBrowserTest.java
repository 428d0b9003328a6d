package com.incidentflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.security.Groups;
import com.incidentflow.security.IdentitySetup;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Cockpit plugin in a real browser: Debian's chromium and chromedriver, nothing downloaded. */
@IncidentFlowTest
@Tag("browser") // needs chromium: ./mvnw verify -Pbrowser (pom.xml)
class CockpitIncidentMetricsBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identitySetup;

  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    // Fail loudly, never skip: a missing browser must not pass as a green build.
    assertThat(CHROMIUM).as("chromium").isExecutable();
    assertThat(CHROMEDRIVER).as("chromedriver").isExecutable();
    chromium("en-US");
    identitySetup.ensureMember(IncidentMetricsApiTest.ADMIN, Groups.INCIDENT_ADMINS);
  }

  /** A browser whose first language is this one (Chromium's --lang and its Accept-Language). */
  void chromium(String language) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,2000", "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldShowIncidentMetricsFromTheCockpitDashboard() throws Exception {
    MetricsHistory history = new MetricsHistory(engine);
    showMetrics(history);

    // Medians and p90s are read from counts per duration bucket, within 1 % of the exact figures (DurationBuckets): the
    // history's 6 h and 9.2 h show as 5h 57m and 9h 10m.
    WebElement resolve = wait.until(ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[data-metric=time-to-resolve]"), "9h 10m"))
        ? browser.findElement(By.cssSelector("[data-metric=time-to-resolve]")) : null;
    assertThat(resolve.getText()).contains("P1 3 5h 57m 9h 10m");
    assertThat(browser.findElement(By.cssSelector("[data-metric=time-to-acknowledge]")).getText())
        .contains("P1 3 19m 51s 35m 44s").contains("P3 1 30m 6s 30m 6s");
    assertThat(browser.findElement(By.cssSelector("[data-metric=time-to-mitigate]")).getText()).contains("P1 3 1h 29m 1h 54m");
    assertThat(browser.findElement(By.cssSelector("[data-metric=per-client]")).getText()).contains("Acme Corp 3").contains("Globex 1");
    assertThat(browser.findElements(By.cssSelector("[data-metric=weekly-trend] svg rect"))).hasSize(4);
    // Times in the team's zone (Asia/Tokyo), in the reader's words.
    assertThat(browser.findElement(By.cssSelector("[data-metric=oldest-open] tbody")).getText()).containsPattern("\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2} JST");
    WebElement openLink = browser.findElement(By.cssSelector("[data-metric=oldest-open] a"));
    assertThat(openLink.getAttribute("href")).matches(".*#/process-instance/[^/]+/runtime");
    screenshot("cockpit-incident-metrics.png");

    openLink.click();
    wait.until(ExpectedConditions.urlMatches("#/process-instance/[^/]+/runtime"));

    // The same figures for a Japanese browser: Japanese words and times, English only where Cockpit has no Japanese.
    browser.quit();
    chromium("ja");
    showMetrics(history);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-metric=time-to-resolve]"), "9時間10分"));
    assertThat(browser.findElement(By.cssSelector("[data-metric=time-to-resolve]")).getText()).contains("解決までの時間").contains("P1 3 5時間57分 9時間10分");
    assertThat(browser.findElement(By.cssSelector("[data-metric=oldest-open] tbody")).getText()).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日\\([日月火水木金土]\\) \\d{2}:\\d{2} JST");
    assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("障害メトリクス");
    screenshot("cockpit-incident-metrics-ja.png");
  }

  /** Logs in to Cockpit as admin, opens Incident metrics from the dashboard and shows the history's weeks. */
  private void showMetrics(MetricsHistory history) {
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys("admin");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("admin");
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-role=incident-metrics-link]"))).click();
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-role=period]")));
    // The history lies in its own weeks; pick them as a manager would, then "Show".
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].from.value = arguments[1]; arguments[0].to.value = arguments[2];",
        form, history.period().from().toString(), history.period().to().toString());
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
