package com.incidentflow.browser;

/**
 * The browser's language for a walk-through (Chromium's --lang and Accept-Language) and the words
 * of the webapps' own buttons and messages a person clicks and reads in it.
 */
public enum WebappLanguage {
  ENGLISH("en-US", "Log in", "Username", "Start process", "Claim", "Complete", "Form", "Diagram", "Start",
      "An error happened while submitting the task form", "Processes"),
  JAPANESE("ja", "ログイン", "ユーザー名", "プロセスを開始", "担当する", "完了", "フォーム", "フロー図", "開始",
      "タスクフォームの送信中にエラーが発生しました", "プロセス");

  final String tag;
  final String logIn;
  final String username;
  final String startProcess;
  final String claim;
  final String complete;
  final String formTab;
  final String diagramTab;
  final String start;
  final String completeError;
  final String cockpitProcesses;

  WebappLanguage(String tag, String logIn, String username, String startProcess, String claim, String complete,
      String formTab, String diagramTab, String start, String completeError, String cockpitProcesses) {
    this.tag = tag;
    this.logIn = logIn;
    this.username = username;
    this.startProcess = startProcess;
    this.claim = claim;
    this.complete = complete;
    this.formTab = formTab;
    this.diagramTab = diagramTab;
    this.start = start;
    this.completeError = completeError;
    this.cockpitProcesses = cockpitProcesses;
  }
}
