package com.incidentflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.timeline.IncidentReportService.MarkdownText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What people type stays text in the Markdown report, whatever Markdown syntax it holds. */
class MarkdownTextTest {

  final MarkdownText md = new MarkdownText();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
    "[click me](https://evil.example.com) => \\[click me\\](https://evil.example.com)",
    "![pixel](https://evil.example.com/t.png) => \\!\\[pixel\\](https://evil.example.com/t.png)",
    "a | b | c => a \\| b \\| c",
    "**bold** and _it_ and `code` => \\*\\*bold\\*\\* and \\_it\\_ and \\`code\\`",
    "C:\\temp\\x => C:\\\\temp\\\\x",
    "<script>alert(1)</script> => &lt;script&gt;alert(1)&lt;/script&gt;",
    "# Heading => \\# Heading",
    "- item => \\- item",
    "1. first => 1\\. first",
    "Restarted app-2. => Restarted app-2."
  })
  void shouldEscapeMarkdownSyntaxInTypedText(String typed, String expected) {
    assertThat(md.inline(typed)).isEqualTo(expected);
  }

  @Test
  void shouldKeepLineBreaksInsideTheCell() {
    assertThat(md.inline("one\n| injected | row |")).isEqualTo("one<br>\\| injected \\| row \\|");
  }
}
