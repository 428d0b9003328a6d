package com.incidentflow.intake.alert;

import static com.incidentflow.process.IncidentDriver.provisionalImpact;
import static com.incidentflow.process.IncidentDriver.situation;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowTest;
import com.incidentflow.Mails;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.intake.ApiClient;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a manager sees on Judge importance for an incident Grafana opened: the suggestion next to
 * the choice, and the choice still theirs. Debian's chromium and chromedriver, nothing downloaded.
 */
@Tag("browser") // needs chromium: ./mvnw verify -Pbrowser (pom.xml)
@IncidentFlowTest
class SuggestedImportanceInTasklistTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String SUGGESTION = "Suggested by the alert's severity — a hint, you decide";
  static final String SEVERITY = "Alert severity (monitoring)";
  static final String IMPORTANCE = "Importance";

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;

  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    // Fail loudly, never skip: a missing browser must not pass as a green build.
    assertThat(CHROMIUM).as("chromium").isExecutable();
    assertThat(CHROMEDRIVER).as("chromedriver").isExecutable();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,2000", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(45));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldShowManagersTheSuggestedImportanceWithoutChoosingIt() throws Exception {
    String groupKey = "{}:{alertname=\"Checkout latency high\", run=\"" + UUID.randomUUID() + "\"}";
    String number = new ApiClient(http)
        .postWithBearer(AlertController.GRAFANA_PATH, ApiClient.sample("grafana/firing.json").put("groupKey", groupKey).toString(), ApiClient.ALERT_TOKEN)
        .body().path("incidentNumber").asText();
    ProcessInstance incident = runtime.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).processInstanceBusinessKey(number).singleResult();
    IncidentDriver driver = new IncidentDriver(engine);
    driver.complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    driver.complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact("SOME"));
    driver.runJobs(incident);
    String task = driver.task(incident, Tasks.JUDGE_IMPORTANCE).getId();

    String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    browser.get(tasklist);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys("maria");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("maria");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
    browser.get(tasklist + "#/?task=" + task);

    WebElement suggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(input(SUGGESTION)));
    assertThat(suggestion.getAttribute("value")).isEqualTo("HIGH");
    assertThat(suggestion.getAttribute("readonly")).as("shown, not editable").isNotNull();
    assertThat(browser.findElement(input(SEVERITY)).getAttribute("value")).isEqualTo("critical");
    List<WebElement> choices = browser.findElements(By.xpath(field(IMPORTANCE) + "//input[@type='radio']"));
    assertThat(choices).hasSize(4).noneMatch(WebElement::isSelected);
    screenshot("judge-importance-suggested-by-alert.png");
    assertThat(driver.variable(incident, Variables.IMPORTANCE)).isNull();
  }

  /** A form-js field whose label starts with the English part ("English / 日本語"). */
  private static String field(String label) {
    return "//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]"
        + "[.//label[contains(normalize-space(.), \"/ " + label + "\")]]"; // Japanese first: "日本語 / English"
  }

  private static By input(String label) {
    return By.xpath(field(label) + "//input");
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
