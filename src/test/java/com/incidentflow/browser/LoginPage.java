package com.incidentflow.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

  static final By ACCOUNT_MENU = By.cssSelector(".cam-nav li.account > a.dropdown-toggle");
  static final By LOG_OUT = By.cssSelector(".cam-nav li.account li.logout > a");
  static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");

  /**
   * Opens the app, logs the previous person out through the account menu if one is still logged
   * in (as the next person at the same browser does), logs user in through the form and waits
   * until loggedIn shows.
   */
  public void logIn(String appUrl, String user, By loggedIn) {
    open(appUrl);
    logOutShown();
    // The view focuses its user-name field once rendered; typing before that can land in the wrong field.
    wait.withMessage("the login view focuses its user name field")
        .until(d -> isShown(USERNAME) && d.findElement(USERNAME).equals(d.switchTo().activeElement()));
    browser.type(driver.findElement(USERNAME), user);
    browser.type(driver.findElement(PASSWORD), user);
    wait.withMessage("the login form holds what was typed")
        .until(d -> user.equals(d.findElement(USERNAME).getDomProperty("value")) && user.equals(d.findElement(PASSWORD).getDomProperty("value")));
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.withMessage(() -> user + " logged in at " + appUrl + "; the page shows: " + driver.findElement(By.tagName("body")).getText())
        .until(ExpectedConditions.visibilityOfElementLocated(loggedIn));
  }

  /** Logs out whoever is logged in at this app, through the account menu. */
  public void logOut(String appUrl) {
    open(appUrl);
    logOutShown();
    wait.until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
  }

  /** Opens the app and waits until it shows its login form or a logged-in user's account menu. */
  private void open(String appUrl) {
    driver.get(appUrl);
    wait.withMessage(() -> appUrl + " shows the login form or a logged-in user's account menu")
        .until(d -> isShown(USERNAME) || isShown(ACCOUNT_MENU));
  }

  private void logOutShown() {
    if (isShown(ACCOUNT_MENU)) {
      browser.click(driver.findElement(ACCOUNT_MENU));
      browser.click(wait.until(ExpectedConditions.elementToBeClickable(LOG_OUT)));
    }
  }

  private boolean isShown(By locator) {
    return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
  }
}
