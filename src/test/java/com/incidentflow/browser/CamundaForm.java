package com.incidentflow.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Camunda Form (form-js) as Tasklist renders it. Fields are found by their visible English
 * label (the part after " / ", matched whole so "Root cause" is not "Root cause found"), as a
 * person finds them; values are typed and clicked, never set by script.
 */
public class CamundaForm {

  private final BrowserSession browser;
  private final WebDriver driver;
  private final WebDriverWait wait;

  public CamundaForm(BrowserSession browser) {
    this.browser = browser;
    this.driver = browser.driver();
    this.wait = browser.waiting();
  }

  /** Waits until form-js has rendered the form that carries this field label. */
  public CamundaForm await(String someLabel) {
    wait.until(d -> !fields(someLabel).isEmpty());
    return this;
  }

  public CamundaForm type(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea.fjs-textarea, textarea"));
    browser.type(input, text);
    return this;
  }

  /**
   * Clicks a radio option by its label until form-js shows it chosen: leaving a text field
   * re-renders the form, and the click that left it can be lost on the way, as a person sees and
   * clicks again.
   */
  public CamundaForm choose(String label, String option) {
    By choice = By.xpath(".//label[" + option(option) + "]");
    wait.withMessage(() -> "'" + option + "' chosen for '" + label + "'")
        .pollingEvery(java.time.Duration.ofMillis(300))
        .until(
            d -> {
              WebElement option_ = field(label).findElement(choice);
              if (option_.findElement(By.cssSelector("input")).isSelected()) {
                return true;
              }
              browser.click(option_);
              return false;
            });
    return this;
  }

  /**
   * form-js' select is its own dropdown: open it, click the option, until the field shows the
   * option (focus arriving from the previous field may already have opened it).
   */
  public CamundaForm select(String label, String option) {
    By item = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][" + option(option) + "]");
    wait.withMessage(() -> "'" + option + "' selected for '" + label + "'")
        .pollingEvery(java.time.Duration.ofMillis(300))
        .until(
            d -> {
              WebElement field = field(label);
              if (field.findElements(By.cssSelector(".fjs-select-display, input")).stream()
                  .anyMatch(shown -> shows(shown.getText(), option) || shows(String.valueOf(shown.getDomProperty("value")), option))) {
                return true;
              }
              List<WebElement> items = d.findElements(item).stream().filter(WebElement::isDisplayed).toList();
              if (!items.isEmpty()) {
                browser.click(items.get(0));
              } else {
                browser.click(field.findElement(By.cssSelector(".fjs-input-group, .fjs-select-display, input")));
              }
              return false;
            });
    return this;
  }

  /** Ticks a checkbox until form-js shows it ticked (see {@link #choose}). */
  public CamundaForm check(String label) {
    wait.withMessage(() -> "'" + label + "' ticked")
        .pollingEvery(java.time.Duration.ofMillis(300))
        .until(
            d -> {
              WebElement box = field(label).findElement(By.cssSelector("input[type=checkbox]"));
              if (box.isSelected()) {
                return true;
              }
              browser.click(box);
              return false;
            });
    return this;
  }

  /** A datetime field: the date as mm/dd/yyyy in the date picker, the time as hh:mm. */
  public CamundaForm dateTime(String dateLabel, String date, String time) {
    WebElement field = field(dateLabel);
    List<WebElement> inputs = field.findElements(By.cssSelector("input"));
    WebElement dateInput = inputs.get(0);
    browser.type(dateInput, date);
    WebElement timeInput = inputs.get(inputs.size() - 1);
    browser.type(timeInput, time);
    // Leave the field, as a person tabs on, so form-js commits the typed time.
    timeInput.sendKeys(Keys.TAB);
    return this;
  }

  public String value(String label) {
    WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
    return input.getAttribute("value");
  }

  /** The visible validation messages of one field. */
  public List<String> errors(String label) {
    return field(label).findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .filter(text -> !text.isBlank())
        .toList();
  }

  public String text() {
    return driver.findElement(By.cssSelector(".fjs-form")).getText();
  }

  private WebElement field(String label) {
    List<WebElement> found = fields(label);
    if (found.isEmpty()) {
      throw new AssertionError("No form field labelled '" + label + "' in: " + text());
    }
    return found.get(0);
  }

  private List<WebElement> fields(String label) {
    return driver.findElements(
        By.xpath(
            "//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]"
                + "[.//label[" + labelled(label) + "]]"));
  }

  /** A label reads "日本語 / English", maybe numbered ("1. ユーザーが何をしたのか / What the user did"), maybe starred when required. */
  private static String labelled(String label) {
    String text = "normalize-space(.)";
    String english = "substring-after(normalize-space(.), ' / ')";
    return english + " = " + literal(label) + " or " + english + " = " + literal(label + "*")
        + " or " + text + " = " + literal(label) + " or " + text + " = " + literal(label + "*");
  }

  /** Whether a field showing this text shows the option, by its English part after " / " or as a whole. */
  private static boolean shows(String text, String option) {
    int slash = text.indexOf(" / ");
    return text.startsWith(option) || (slash >= 0 && text.substring(slash + 3).startsWith(option));
  }

  /** An option reads "日本語 / English" (or just one language); chosen by the start of its English. */
  private static String option(String option) {
    return "starts-with(substring-after(normalize-space(.), ' / '), " + literal(option) + ") or starts-with(normalize-space(.), " + literal(option) + ")";
  }

  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
