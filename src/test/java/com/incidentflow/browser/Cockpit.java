package com.incidentflow.browser;

import static com.incidentflow.browser.CamundaForm.literal;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Cockpit as a manager uses it: find the process, its running instances, one instance. */
public class Cockpit {

  private final BrowserSession browser;
  private final String baseUrl;
  private final WebDriver driver;
  private final WebDriverWait wait;

  public Cockpit(BrowserSession browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.driver = browser.driver();
    this.wait = browser.waiting();
  }

  public Cockpit logIn(String user) {
    new LoginPage(browser).logIn(baseUrl + "/camunda/app/cockpit/default/", user, By.cssSelector(".dashboard, [cam-dashboard], .processes-dashboard, .navbar .account"));
    return this;
  }

  public Cockpit logOut() {
    new LoginPage(browser).logOut(baseUrl + "/camunda/app/cockpit/default/");
    return this;
  }

  /** Opens the process list and the process by its name, as a manager would from the dashboard. */
  public Cockpit openProcess(String processName) {
    driver.get(baseUrl + "/camunda/app/cockpit/default/#/processes");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(.), " + literal(processName) + ")]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("g.djs-element")));
    return this;
  }

  /** Waits for the running-instances table to list this business key, then opens that instance. */
  public Cockpit openInstance(String businessKey) {
    By row = By.xpath("//table//tr[.//td[contains(normalize-space(.), " + literal(businessKey) + ")]]");
    wait.withMessage(() -> "an instance with business key " + businessKey).until(ExpectedConditions.visibilityOfElementLocated(row));
    browser.snap("cockpit-running-instances");
    driver.findElement(row).findElement(By.cssSelector("a[href*='process-instance']")).click();
    wait.until(ExpectedConditions.urlContains("/process-instance/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("g.djs-element")));
    return this;
  }

  /** The activities the instance diagram marks with a running-token badge. */
  public List<String> activitiesWithTokens() {
    wait.until(d -> !d.findElements(By.cssSelector(".djs-overlays .badge")).isEmpty());
    return driver.findElements(By.cssSelector(".djs-overlays")).stream()
        .filter(overlay -> !overlay.findElements(By.cssSelector(".badge")).isEmpty())
        .map(overlay -> overlay.getAttribute("data-container-id"))
        .distinct()
        .toList();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }
}
