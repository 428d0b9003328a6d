package com.incidentflow.browser;

import static com.incidentflow.browser.CamundaForm.literal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Tasklist as a person uses it: log in, pick a filter, open, claim and complete tasks. */
public class Tasklist {

  static final Pattern INCIDENT_NUMBER = Pattern.compile("INC-\\d{4}-\\d{4}");
  static final By TASKS = By.cssSelector("[cam-tasks] .tasks-list li.task");
  static final By NOTIFICATION_ERRORS = By.cssSelector(".notifications .alert-danger, .notifications .alert-error");

  private final BrowserSession browser;
  private final String baseUrl;
  private final WebDriver driver;
  private final WebDriverWait wait;

  public Tasklist(BrowserSession browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.driver = browser.driver();
    this.wait = browser.waiting();
  }

  /** Logs user in through the login page, as the next person at the same browser. */
  public Tasklist logIn(String user) {
    new LoginPage(browser).logIn(baseUrl + "/camunda/app/tasklist/default/", user, By.cssSelector(".task-filters .content h4 a"));
    return this;
  }

  /** Logs the current user out, e.g. before the next person opens Cockpit, which refuses a Tasklist-only user. */
  public Tasklist logOut() {
    new LoginPage(browser).logOut(baseUrl + "/camunda/app/tasklist/default/");
    return this;
  }

  /** The filters in the order Tasklist shows them. */
  public List<String> filterNames() {
    wait.until(d -> !d.findElements(By.cssSelector(".task-filters .content h4 a")).isEmpty());
    return driver.findElements(By.cssSelector(".task-filters .content h4 a")).stream().map(e -> e.getText().trim()).toList();
  }

  public Tasklist openFilter(String name) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'task-filters')]//h4/a[contains(normalize-space(.), " + literal(name) + ")]")))
        .click();
    wait.until(ExpectedConditions.attributeContains(
        By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')][.//h4/a[contains(normalize-space(.), " + literal(name) + ")]]"),
        "class", "active"));
    return this;
  }

  /** The names of the tasks the open filter lists, once the list has loaded. */
  public List<String> taskNames() {
    wait.until(d -> d.findElements(By.cssSelector("[cam-tasks] .loader, [cam-tasks] .loading")).stream().noneMatch(WebElement::isDisplayed));
    return driver.findElements(TASKS).stream().map(task -> task.findElement(By.cssSelector("h4.names .task, .names .task, h4")).getText().trim()).toList();
  }

  /** Waits until the open filter lists exactly this many tasks named like this (the list refreshes by itself). */
  public Tasklist awaitTasks(String name, int count) {
    wait.withMessage(() -> "tasks named '" + name + "' in " + taskNames())
        .until(d -> taskNames().stream().filter(n -> n.startsWith(name)).count() == count);
    return this;
  }

  /** Opens the first listed task with this name and waits for its details. */
  public Tasklist openTask(String name) {
    awaitTasks(name, countAtLeastOne(name));
    // The list re-renders when Tasklist polls: an entry found a moment ago may be gone when clicked (a
    // stale element, not clicked), so it is found again and clicked then; once clicked, that is it.
    wait.withMessage(() -> "a clickable task named '" + name + "' in " + taskNames())
        .ignoring(StaleElementReferenceException.class)
        .until(d -> {
          WebElement task = d.findElements(TASKS).stream().filter(t -> t.getText().contains(name)).findFirst().orElse(null);
          if (task == null) {
            return null;
          }
          task.findElement(By.cssSelector("a")).click();
          return true;
        });
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task] .names, .task-details .names, [cam-tasklist-task]"), name));
    return this;
  }

  private int countAtLeastOne(String name) {
    // Counted inside the wait: the list may re-render between two reads (a stale entry is read again).
    return wait.withMessage(() -> "a task named '" + name + "' in " + taskNames())
        .until(d -> {
          int count = (int) taskNames().stream().filter(n -> n.startsWith(name)).count();
          return count > 0 ? count : null;
        });
  }

  /** The incident number the list shows for the first task of this name (the filter's "Incident" column). */
  public String incidentNumberOf(String name) {
    WebElement task =
        driver.findElements(TASKS).stream().filter(t -> t.getText().contains(name)).findFirst().orElseThrow();
    Matcher matcher = INCIDENT_NUMBER.matcher(task.getText());
    if (!matcher.find()) {
      throw new AssertionError("No incident number in the task list entry: " + task.getText());
    }
    return matcher.group();
  }

  public Tasklist claim() {
    By claim = By.xpath("//button[normalize-space(.)=" + literal(words().claim) + "]");
    browser.click(wait.until(ExpectedConditions.elementToBeClickable(claim)));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
    return this;
  }

  public CamundaForm form(String someLabel) {
    return new CamundaForm(browser).await(someLabel);
  }

  /** Clicks Complete; the caller decides what should follow (the task gone, or an error shown). */
  public Tasklist clickComplete() {
    browser.click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)=" + literal(words().complete) + "]"))));
    return this;
  }

  /** Completes the open task and waits until Tasklist has taken it away. */
  public Tasklist complete(String taskName, int openBefore) {
    clickComplete();
    java.util.function.Function<WebDriver, Boolean> done =
        d -> !errorNotifications().isEmpty() || taskNames().stream().filter(n -> n.startsWith(taskName)).count() == openBefore - 1;
    try {
      new WebDriverWait(driver, java.time.Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(done);
    } catch (org.openqa.selenium.TimeoutException stillOpen) {
      // Leaving the last text field makes the form re-validate and re-lay itself out, which can
      // swallow the first click on Complete; a person clicks again. Only while the task is still open.
      browser.snap("complete-clicked-again");
      clickComplete();
    }
    wait.withMessage(() -> "'" + taskName + "' completed (" + (openBefore - 1) + " left) in " + taskNames())
        .until(d -> !errorNotifications().isEmpty() || taskNames().stream().filter(n -> n.startsWith(taskName)).count() == openBefore - 1);
    List<String> errors = errorNotifications();
    if (!errors.isEmpty()) {
      browser.snap("completion-refused");
      throw new AssertionError("Tasklist refused to complete '" + taskName + "': " + errors);
    }
    return this;
  }

  /** Closes every notification with its ×, as a person does when one covers the buttons. */
  public Tasklist dismissNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".notifications .alert button.close[ng-click^='removeNotification']"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .alert")));
    return this;
  }

  /** The error notifications Tasklist shows now (e.g. the server's validation of a step). */
  public List<String> errorNotifications() {
    return driver.findElements(NOTIFICATION_ERRORS).stream()
        .filter(WebElement::isDisplayed)
        .map(alert -> (alert.findElement(By.cssSelector(".status")).getText() + " " + alert.findElement(By.cssSelector(".message")).getText()).trim())
        .toList();
  }

  /** Opens the task's Diagram tab; answers whether the element is highlighted as the current step. */
  public boolean diagramHighlights(String elementId) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'nav-tabs')]//a[normalize-space(.)=" + literal(words().diagramTab) + "]"))).click();
    By element = By.cssSelector("g.djs-element[data-element-id='" + elementId + "']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(element));
    wait.until(d -> d.findElement(element).getAttribute("class").contains("highlight"));
    return driver.findElement(element).getAttribute("class").contains("highlight");
  }

  public List<String> highlightedElements() {
    return driver.findElements(By.cssSelector("g.djs-element.highlight")).stream().map(e -> e.getAttribute("data-element-id")).toList();
  }

  public Tasklist openFormTab() {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'nav-tabs')]//a[normalize-space(.)=" + literal(words().formTab) + "]"))).click();
    return this;
  }

  /** Opens "Start process", picks the process and waits for its start form. */
  public CamundaForm startProcess(String processName, String someLabel) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'modal')]//a[contains(normalize-space(.), " + literal(processName) + ")]"))).click();
    return form(someLabel);
  }

  /** Clicks the start form's Start button and waits for the dialog to close. */
  public Tasklist start() {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'modal')]//button[normalize-space(.)=" + literal(words().start) + "]"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    return this;
  }

  /** The webapp's own words in the browser's language (its buttons and tabs). */
  private WebappLanguage words() {
    return browser.language();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public void snap(String step) {
    browser.snap(step);
  }
}
