package com.incidentflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.Mails;
import com.incidentflow.change.Change;
import com.incidentflow.change.ChangeDraft;
import com.incidentflow.change.ChangeFeed;
import com.incidentflow.change.ChangeSource;
import com.incidentflow.process.IncidentDriver;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One incident worked end to end by people in a real browser: Tasklist's start form and task forms
 * only, each step by the demo user whose role it is, and a manager watching it in Cockpit. Jobs are
 * run here between steps, as the job executor (off in tests) would.
 *
 * <p>Its own in-memory database: the filters' task lists must show this incident only, whatever the
 * other test classes left behind in the shared context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@ActiveProfiles("test")
@Tag("browser") // needs chromium: ./mvnw verify -Pbrowser (pom.xml)
@Tag("own-jvm") // its engine is also named "default": run apart from the shared context (pom.xml)
class IncidentInBrowserTest {

  static final String MY_WORK = "My work (自分の作業)";
  static final String PROCESS = "Incident response (障害対応)";
  static final String CONFIRM_SITUATION = "Confirm the situation (状況の確認)";
  static final String PROVISIONAL_IMPACT = "Provisional impact scope (影響範囲の仮調査)";
  static final String JUDGE_IMPORTANCE = "Judge importance (重要かの判断)";
  static final String JUDGE_URGENCY = "Judge urgency (緊急かの判断)";
  static final String FIRST_RESPONSE = "First response (一次対応)";
  static final String INVESTIGATE = "Investigate root cause and reproduce (根本原因の調査 + 再現)";
  static final String SPECIALIST_HELP = "Help the investigation (仲間を集めよう)";
  static final String CONFIRM_IMPACT = "Confirm the impact scope (影響範囲の確定)";
  static final String CONTACT_CLIENT = "Contact affected client (クライアント連絡/謝罪)";
  static final String PERMANENT_FIX = "Permanent fix (根本対応)";
  static final String REVIEW_FIX = "Review the fix (レビュー)";
  static final String WRAP_UP = "Wrap-up (振り返り)";

  @RegisterExtension static GreenMailExtension smtp = Mails.server();
  @RegisterExtension static BrowserSession browser = new BrowserSession();

  /** A label key such as PAGE_LOGIN_SIGN_IN_ACTION: what a person sees when a translation is missing. */
  static final Pattern RAW_LABEL_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b");

  private final ProcessEngine engine;
  private final HistoryService history;
  private final IncidentDriver driver;
  private final String baseUrl;
  @Autowired ChangeFeed feed;

  @Autowired
  IncidentInBrowserTest(ProcessEngine engine, @LocalServerPort int port) {
    this.engine = engine;
    this.history = engine.getHistoryService();
    this.driver = new IncidentDriver(engine);
    this.baseUrl = "http://localhost:" + port;
  }

  /** Once for an English browser (the webapps as they were), once for a Japanese one (their Japanese chrome). */
  @ParameterizedTest(name = "{0} browser")
  @EnumSource(WebappLanguage.class)
  void shouldWorkAnIncidentFromReportToWrapUpInTasklist(WebappLanguage language) throws IOException {
    browser.use(language);
    // Each language's run starts with no open incident, whatever an earlier run left behind.
    engine.getRuntimeService().createProcessInstanceQuery().list()
        .forEach(open -> engine.getRuntimeService().deleteProcessInstance(open.getId(), "a new walk-through starts"));
    Tasklist tasklist = new Tasklist(browser, baseUrl);
    Cockpit cockpit = new Cockpit(browser, baseUrl);

    // Incident reported (障害報告): emma reports through Tasklist's "Start process".
    tasklist.logIn("emma");
    assertThat(tasklist.filterNames()).first().asString().startsWith(MY_WORK);
    assertWebappChrome(language);
    assertThat(browser.driver().findElement(By.cssSelector(".start-process-action")).getText()).contains(language.startProcess);
    CamundaForm report = tasklist.startProcess(PROCESS, "Title");
    assertThat(report.text()).contains("障害報告", "件名", "ユーザーが何をしたのか");
    report.type("Title", "Invoices with a discount cannot be saved")
        .select("Reported by", "Client")
        .type("Affected client(s), if known", "Acme Corp")
        .type("What the user did", "Saved an invoice in the billing screen")
        .type("What the screen showed", "A blank page")
        .type("URL", "https://app.example.com/billing/invoices/42")
        .type("Exact error text", "500 Internal Server Error")
        .dateTime("When it happened", "11/25/2026", "09:15");
    assertNoRawLabelKeys(tasklist.pageText());
    tasklist.snap("report-start-form-filled");
    tasklist.start();

    // Confirm the situation (状況の確認): the report arrives in emma's "My work".
    tasklist.openFilter(MY_WORK).awaitTasks(CONFIRM_SITUATION, 1);
    String incidentNumber = tasklist.incidentNumberOf(CONFIRM_SITUATION);
    ProcessInstance incident =
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).processInstanceBusinessKey(incidentNumber).singleResult();
    assertThat(incident).as("the incident %s Tasklist shows", incidentNumber).isNotNull();
    tasklist.snap("emma-my-work-confirm-situation");
    tasklist.openTask(CONFIRM_SITUATION);
    assertThat(tasklist.diagramHighlights(Tasks.CONFIRM_SITUATION)).isTrue();
    assertThat(tasklist.highlightedElements()).containsExactly(Tasks.CONFIRM_SITUATION);
    tasklist.snap("confirm-situation-diagram");
    tasklist.openFormTab().claim();
    CamundaForm situation = tasklist.form("What the user did");
    assertThat(situation.value("What the user did")).isEqualTo("Saved an invoice in the billing screen");
    situation.choose("Was a related feature changed recently?", "Yes")
        .type("Which change?", "Discount rounding change, PR #1234")
        .type("Who made it?", "kenji");
    tasklist.snap("confirm-situation-filled");
    tasklist.complete(CONFIRM_SITUATION, 1);

    // Provisional impact scope (影響範囲の仮調査): a required field left empty blocks completion.
    tasklist.openTask(PROVISIONAL_IMPACT).claim();
    CamundaForm scope = tasklist.form("Who is affected?");
    tasklist.clickComplete();
    browser.waiting().until(d -> !scope.errors("Who is affected?").isEmpty());
    assertThat(scope.errors("What is affected")).isNotEmpty();
    tasklist.snap("provisional-impact-required-fields");
    assertThat(tasklist.errorNotifications()).containsExactly(language.completeError);
    assertThat(driver.openTasks(incident, Tasks.PROVISIONAL_IMPACT)).hasSize(1);
    tasklist.dismissNotifications();
    scope.choose("Who is affected?", "Some clients")
        .type("What is affected", "Invoices with discounts cannot be saved");
    tasklist.complete(PROVISIONAL_IMPACT, 1);
    driver.runJobs(incident);

    // CS see no engineering work.
    tasklist.logIn("chloe").openFilter(MY_WORK);
    assertThat(tasklist.taskNames()).isEmpty();
    tasklist.snap("chloe-my-work-empty");

    // Judge importance and urgency (重要かの判断, 緊急かの判断): maria.
    tasklist.logIn("maria").openFilter(MY_WORK).awaitTasks(JUDGE_IMPORTANCE, 1);
    assertThat(tasklist.taskNames()).containsExactly(JUDGE_IMPORTANCE);
    tasklist.openTask(JUDGE_IMPORTANCE).claim();
    tasklist.form("Importance").choose("Importance", "High").type("Why", "Billing is core for our clients");
    tasklist.snap("judge-importance-filled");
    tasklist.complete(JUDGE_IMPORTANCE, 1);
    driver.runJobs(incident);
    tasklist.openTask(JUDGE_URGENCY).claim();
    tasklist.form("Urgency").choose("Urgency", "Urgent").type("Why", "Month-end closing is today");
    tasklist.snap("judge-urgency-filled");
    tasklist.complete(JUDGE_URGENCY, 1);
    driver.runJobs(incident);
    assertThat(driver.variable(incident, Variables.PRIORITY)).isEqualTo("P1");

    // First response (一次対応) and the investigation, which asks infra for help (仲間を集めよう).
    tasklist.logIn("emma").openFilter(MY_WORK);
    tasklist.openTask(FIRST_RESPONSE).claim();
    tasklist.form("Client's request")
        .type("Client's request", "Turn the discount feature off")
        .type("Client's actual goal", "Send this month's invoices today")
        .type("What was done", "Issued the invoices without the discount line and added a credit note")
        .choose("Result", "Mitigated");
    tasklist.snap("first-response-filled");
    tasklist.complete(FIRST_RESPONSE, 1);
    driver.runJobs(incident);
    tasklist.openTask(INVESTIGATE).claim();
    tasklist.form("Outcome")
        .type("What was investigated, thought and tried", "Only one of three servers answers 500")
        .choose("Outcome", "Help needed")
        .select("Ask which team", "Infrastructure")
        .type("What you need from them", "Is app-2 healthy? Its disk looks full");
    tasklist.snap("investigation-help-needed");
    tasklist.complete(INVESTIGATE, 1);
    driver.runJobs(incident);

    tasklist.logIn("ivan").openFilter(MY_WORK).awaitTasks(SPECIALIST_HELP, 1);
    assertThat(tasklist.taskNames()).containsExactly(SPECIALIST_HELP);
    tasklist.openTask(SPECIALIST_HELP).claim();
    CamundaForm help = tasklist.form("Your findings");
    assertThat(help.value("What is asked")).isEqualTo("Is app-2 healthy? Its disk looks full");
    help.type("Your findings", "app-2's disk was full of logs; rotated them, all servers answer 200");
    tasklist.snap("specialist-help-answered");
    tasklist.complete(SPECIALIST_HELP, 1);
    assertThat(driver.variable(incident, Variables.SPECIALIST_FINDINGS)).isEqualTo("app-2's disk was full of logs; rotated them, all servers answer 200");

    tasklist.logIn("emma").openFilter(MY_WORK);
    tasklist.openTask(INVESTIGATE).claim();
    CamundaForm investigation = tasklist.form("Outcome");
    assertThat(investigation.value("Specialists' findings")).contains("app-2's disk was full of logs");
    investigation
        .type("What was investigated, thought and tried", "Infra rotated app-2's logs; the 500 remains for discounts")
        .choose("Outcome", "Root cause found, reproduced")
        .type("Root cause", "Rounding of negative amounts throws in the new discount code")
        .type("How to reproduce", "Save an invoice with a -0.005 discount");
    tasklist.snap("investigation-root-cause");
    tasklist.complete(INVESTIGATE, 1);

    // Confirm the impact scope (影響範囲の確定): two clients, one CS task each.
    tasklist.openTask(CONFIRM_IMPACT).claim();
    tasklist.form("Who is affected?")
        .choose("Who is affected?", "Some clients")
        .type("Affected clients, one per line", "Acme Corp\nGlobex")
        .type("Impact", "Invoices with discounts failed to save for 2 hours");
    tasklist.snap("confirm-impact-filled");
    tasklist.complete(CONFIRM_IMPACT, 1);
    driver.runJobs(incident);

    // Contact affected client (クライアント連絡/謝罪): chloe sees both, and no engineering task.
    tasklist.logIn("chloe").openFilter(MY_WORK).awaitTasks(CONTACT_CLIENT, 2);
    assertThat(tasklist.taskNames()).containsExactly(CONTACT_CLIENT, CONTACT_CLIENT);
    tasklist.snap("chloe-my-work-two-clients");
    for (int open = 2; open > 0; open--) {
      tasklist.openTask(CONTACT_CLIENT).claim();
      tasklist.form("How")
          .dateTime("Contacted at", "11/25/2026", "11:00")
          .select("How", "Phone")
          .check("Apology given")
          .type("Client's response", "Understood; wants the fix this week")
          .type("Agreed dates (fix, report)", "Fix by 2026-11-27, report by 2026-11-30");
      tasklist.snap("contact-client-" + open);
      tasklist.complete(CONTACT_CLIENT, open);
    }

    // Permanent fix (根本対応) by emma; the review is hidden from her (four eyes).
    tasklist.logIn("emma").openFilter(MY_WORK);
    tasklist.openTask(PERMANENT_FIX).claim();
    tasklist.form("What was changed")
        .type("What was changed", "Round half-even before applying discounts")
        .type("Change link (pull request)", "https://git.example.com/billing/pull/1240")
        .type("Tests added", "DiscountRoundingTest covers negative and zero amounts");
    tasklist.snap("permanent-fix-filled");
    tasklist.complete(PERMANENT_FIX, 1);
    assertThat(driver.openTasks(incident, Tasks.REVIEW_FIX)).hasSize(1);
    tasklist.logIn("emma").openFilter(MY_WORK);
    assertThat(tasklist.taskNames()).doesNotContain(REVIEW_FIX);
    tasklist.snap("emma-does-not-see-her-review");

    // A manager watches in Cockpit: the instance, its number and where it stands.
    tasklist.logOut();
    WebElement signIn = browser.driver().findElement(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    assertThat(signIn.getText()).isEqualTo(language.logIn);
    assertThat(browser.driver().findElement(LoginPage.USERNAME).getAttribute("placeholder")).isEqualTo(language.username);
    assertWebappChrome(language);
    browser.snap("login-page");
    cockpit.logIn("maria").openProcess(PROCESS).openInstance(incidentNumber);
    assertThat(cockpit.activitiesWithTokens()).contains(Tasks.REVIEW_FIX);
    assertThat(cockpit.pageText()).contains(incidentNumber).contains(language.cockpitProcesses);
    assertWebappChrome(language);
    assertNoRawLabelKeys(cockpit.pageText());
    browser.snap("cockpit-instance-at-review");

    // Review the fix (レビュー) by kenji: rejected once, then approved.
    cockpit.logOut();
    tasklist.logIn("kenji").openFilter(MY_WORK);
    tasklist.openTask(REVIEW_FIX).claim();
    tasklist.form("Decision")
        .choose("Decision", "Reject")
        .type("Comments", "Also cover the credit-note path");
    tasklist.snap("review-rejected");
    tasklist.complete(REVIEW_FIX, 1);

    tasklist.logIn("emma").openFilter(MY_WORK);
    tasklist.openTask(PERMANENT_FIX).claim();
    CamundaForm rework = tasklist.form("What was changed");
    assertThat(rework.value("Reviewer's comments")).isEqualTo("Also cover the credit-note path");
    rework.type("Tests added", "DiscountRoundingTest covers negative, zero and credit-note amounts");
    tasklist.snap("permanent-fix-reworked");
    tasklist.complete(PERMANENT_FIX, 1);

    tasklist.logIn("kenji").openFilter(MY_WORK);
    tasklist.openTask(REVIEW_FIX).claim();
    tasklist.form("Decision").check("Checked for regressions").choose("Decision", "Approve");
    tasklist.snap("review-approved");
    tasklist.complete(REVIEW_FIX, 1);
    driver.runJobs(incident);

    // Wrap-up (振り返り).
    tasklist.openTask(WRAP_UP).claim();
    tasklist.form("Summary")
        .type("Summary", "Discounts broke invoice saving for 2 hours")
        .type("Lessons learned", "Rounding changes need client-data tests")
        .type("Follow-up actions", "Add production-like invoice fixtures");
    tasklist.snap("wrap-up-filled");
    tasklist.complete(WRAP_UP, 1);

    HistoricProcessInstance done =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).processInstanceBusinessKey(incidentNumber).singleResult();
    assertThat(done.getEndActivityId()).isEqualTo(Tasks.END_RESOLVED);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(done.getId()).variableName(Variables.FIXED_BY).singleResult().getValue())
        .isEqualTo("emma");
    assertThat(done.getProcessDefinitionKey()).isEqualTo(IncidentProcess.PROCESS_KEY);
  }

  /** 状況の確認 3: the changes shortly before the incident in its service, newest first, marked in the form. */
  @Test
  void shouldMarkSuspectedChangeAmongRecentChangesInTasklist() throws IOException {
    browser.use(WebappLanguage.ENGLISH);
    Tasklist tasklist = new Tasklist(browser, baseUrl);
    // Its own year and service: the other incident of this class sees none of these changes.
    feed.record(change("ledger-1", "ledger", "2036-04-02T08:00:00+09:00", "Switch ledger rounding", "kenji"));
    feed.record(change("ledger-2", "ledger", "2036-04-01T18:00:00+09:00", "Cache exchange rates", "ben"));
    feed.record(change("ledger-old", "ledger", "2036-03-20T08:00:00+09:00", "Long before", "ben"));
    feed.record(change("payroll-1", "payroll", "2036-04-02T08:30:00+09:00", "Another service", "ben"));
    java.util.Map<String, Object> values = IncidentDriver.report("Ledger totals are off");
    values.put(Variables.OCCURRED_AT, "2036-04-02T09:00:00+09:00");
    values.put(Variables.SERVICES, "ledger");
    ProcessInstance incident = driver.report("emma", values);

    tasklist.logIn("emma").openFilter(MY_WORK).awaitTasks(CONFIRM_SITUATION, 1);
    tasklist.openTask(CONFIRM_SITUATION).openFormTab().claim();
    CamundaForm situation = tasklist.form("What the user did");
    String form = situation.text();
    assertThat(form).contains("Switch ledger rounding — kenji — https://git.example.com/ledger/pull/ledger-1",
        "Cache exchange rates — ben — https://git.example.com/ledger/pull/ledger-2", "どれも関係ない / None of these is related");
    assertThat(form.indexOf("Switch ledger rounding")).isLessThan(form.indexOf("Cache exchange rates"));
    assertThat(form).doesNotContain("Long before", "Another service");
    tasklist.snap("confirm-situation-recent-changes");

    situation.choose("Was a related feature changed recently?", "Yes")
        .check("Recent changes (newest first): which are suspected?");
    tasklist.complete(CONFIRM_SITUATION, 1);

    assertThat(driver.openTasks(incident, Tasks.PROVISIONAL_IMPACT)).hasSize(1);
    assertThat((String) driver.variable(incident, Variables.SUSPECTED_CHANGE)).startsWith("ledger 1.0 (production) — Switch ledger rounding by kenji");
    // Out of the way of the other incident of this class, which expects the only tasks in Tasklist.
    engine.getRuntimeService().deleteProcessInstance(incident.getId(), "browser test done");
  }

  private static ChangeDraft change(String id, String service, String at, String summary, String user) {
    return new ChangeDraft(ChangeSource.CI, "ci:" + id, service, "production", "1.0", summary,
        new Change.Author(null, null, user), "https://git.example.com/" + service + "/pull/" + id, OffsetDateTime.parse(at));
  }
  /** No end-of-life banner for users (it is in the page, hidden by our user stylesheet); the "Powered by" footer stays. */
  private void assertWebappChrome(WebappLanguage language) {
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).as("the webapp's banner element").isNotEmpty()
        .noneMatch(WebElement::isDisplayed);
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Powered by");
  }

  private static void assertNoRawLabelKeys(String pageText) {
    assertThat(RAW_LABEL_KEY.matcher(pageText).results().map(m -> m.group()).toList()).as("label keys shown instead of words").isEmpty();
  }
}
