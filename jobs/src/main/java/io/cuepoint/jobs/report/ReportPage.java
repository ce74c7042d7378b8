package io.cuepoint.jobs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTML page: a template with its CSS and JavaScript inline (packed in the jar) and the data
 * as JSON in a script element, so the one file opens from disk with no network.
 */
final class ReportPage {
  static final String TEMPLATE = "io/cuepoint/jobs/report/report.html";
  static final String DATA_PLACEHOLDER = "/*@REPORT-DATA@*/";
  static final String TITLE_PLACEHOLDER = "@REPORT-TITLE@";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportPage() {}

  static String render(ObjectNode data, String title) {
    String template = template();
    if (!template.contains(DATA_PLACEHOLDER)) {
      throw new IllegalStateException(TEMPLATE + " has no " + DATA_PLACEHOLDER);
    }
    return template
        .replace(TITLE_PLACEHOLDER, escapeHtml(title))
        .replace(DATA_PLACEHOLDER, scriptSafeJson(data));
  }

  /**
   * JSON that cannot end its script element: every {@code <} is written as its escape, which
   * JSON allows inside strings, the only place it can occur.
   */
  static String scriptSafeJson(ObjectNode data) {
    try {
      return MAPPER
          .writeValueAsString(data)
          .replace("<", "\\u003c")
          .replace("\u2028", "\\u2028")
          .replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String template() {
    try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
