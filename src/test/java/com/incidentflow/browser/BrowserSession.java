package com.incidentflow.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless chromium for a test class, started through Debian's chromedriver. Both paths are
 * always given so Selenium Manager never looks for (or downloads) a browser; a missing one fails
 * the class loudly instead of skipping it. Every step is kept as a numbered screenshot under
 * target/screenshots/, and a failing test adds one of the page it failed on (plus its HTML).
 */
public class BrowserSession implements BeforeAllCallback, AfterAllCallback, TestWatcher {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** The CI machine is shared and slow; conditions, not sleeps, decide when to go on. */
  static final Duration PATIENCE = Duration.ofSeconds(45);

  private WebDriver driver;
  private Path profile;
  private int shots;
  private WebappLanguage language = WebappLanguage.ENGLISH;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    requireExecutable(CHROMIUM, "chromium");
    requireExecutable(CHROMEDRIVER, "chromium-driver");
    cleanScreenshots();
    start();
  }

  /** From now on a browser whose language is this one: Chromium is restarted when it changes. */
  public void use(WebappLanguage wanted) throws IOException {
    if (wanted != language) {
      quit();
      language = wanted;
      start();
    }
  }

  private void start() throws IOException {
    profile = Files.createTempDirectory("incident-flow-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1400,1200", "--lang=" + language.tag, "--user-data-dir=" + profile);
    // --lang sets the UI; the pages read navigator.languages and the server Accept-Language, both from this.
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language.tag));
    // The page's console (failed requests, script errors) is kept with a failure's screenshot.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  private static void requireExecutable(String path, String debianPackage) {
    if (!new File(path).canExecute()) {
      throw new AssertionError(
          "The browser tests need " + path + " (Debian package " + debianPackage + "): "
              + "apt-get install -y chromium chromium-driver fonts-noto-cjk, or run .ci/run as root.");
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    quit();
  }

  private void quit() throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
      profile = null;
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver != null) {
      String name = "FAILED-" + context.getRequiredTestMethod().getName();
      snap(name);
      try {
        Files.writeString(SCREENSHOTS.resolve(String.format("%02d-%s.html", shots, name)), driver.getPageSource());
        Files.write(
            SCREENSHOTS.resolve(String.format("%02d-%s.console.txt", shots, name)),
            driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(Object::toString).toList());
      } catch (IOException | RuntimeException e) {
        // The screenshot is what matters; a page that cannot be read must not hide the failure.
      }
    }
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    testFailed(context, cause);
  }

  @Override
  public void testSuccessful(ExtensionContext context) {}

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {}

  public WebDriver driver() {
    return driver;
  }

  public WebappLanguage language() {
    return language;
  }

  /**
   * Clicks an element as a person does, after scrolling it to the middle of its scroll pane: the
   * task form scrolls inside Tasklist, whose fixed footer would otherwise take a click on its last line.
   */
  public void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    element.click();
  }

  /** Types text into a field as a person does: click into it, clear what it holds, type. */
  public void type(WebElement field, String text) {
    click(field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(text);
  }

  public WebDriverWait waiting() {
    // Tasklist re-renders its lists while it refreshes them: a vanished element is read again.
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Saves what the browser shows now as target/screenshots/NN-step.png. */
  public Path snap(String step) {
    shots++;
    Path target = SCREENSHOTS.resolve(String.format("%02d-%s-%s.png", shots, language.tag, step.replaceAll("[^A-Za-z0-9-]+", "-")));
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Shots of an earlier run would read like this run's steps. */
  private static void cleanScreenshots() throws IOException {
    if (Files.isDirectory(SCREENSHOTS)) {
      try (Stream<Path> files = Files.list(SCREENSHOTS)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
