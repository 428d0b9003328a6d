package com.incidentflow.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Camunda webapps' login page (the same for Tasklist and Cockpit); the password is the user id. */
public class LoginPage {

  private final BrowserSession browser;
  private final WebDriver driver;
  private final WebDriverWait wait;

  public LoginPage(BrowserSession browser) {
    this.browser = browser;
    this.driver = browser.driver();
    this.wait = browser.waiting();
  }

  /**
   * Opens the app's login page with no session left from the previous person and logs user in,
   * waiting until loggedIn shows. The webapps re-render the login view while they check the
   * session, which can swallow what was typed: an emptied form is filled again until the app moves on.
   */
  public void logIn(String appUrl, String user, By loggedIn) {
    // A page load (not a hash change) so the single-page app forgets the previous user.
    driver.get("about:blank");
    driver.get(appUrl);
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    driver.get("about:blank");
    driver.get(appUrl + "#/login");
    wait.withMessage(() -> user + " logged in at " + appUrl)
        .until(
            d -> {
              if (!d.findElements(loggedIn).isEmpty()) {
                return true;
              }
              List<WebElement> name = d.findElements(By.cssSelector("form[name='signinForm'] input[ng-model='username']"));
              if (name.size() == 1 && name.get(0).isDisplayed() && name.get(0).getAttribute("value").isEmpty()) {
                browser.type(name.get(0), user);
                browser.type(d.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")), user);
                d.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
              }
              return false;
            });
  }
}
