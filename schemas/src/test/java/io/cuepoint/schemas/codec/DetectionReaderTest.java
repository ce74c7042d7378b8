package io.cuepoint.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectReader;
import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The detection fast path must read every line it takes exactly as Jackson does (same fields, the
 * same bits of every double), and leave to Jackson every line Jackson reads differently or refuses.
 * Lines are random detections as producers write them and mutations of them: other spacing and
 * field order, unknown fields, nulls, escapes, number forms JSON allows and refuses, cut lines.
 */
class DetectionReaderTest {
  private static final Pattern EXPONENT = Pattern.compile("[0-9]E-?[0-9]");
  private static final ObjectReader JACKSON = RecordCodec.mapper().readerFor(Detection.class);
  private static final String[] NUMBER_FORMS = {
    "0", "-0", "-0.0", "0.0", "7", "90", "-12", "90.5", "90.50", "0.05", "1e2", "1E-2", "1.5e3",
    "01", "1.", ".5", "-", "+1", "123456789012345678", "1234567890123456789", "0.1234567890123456789",
    "99.999999999999999", "4.9E-324", "1780167600000", "1780167600000.0", "NaN", "\"90\"", "true"
  };

  @Test
  void takesProducersLinesAndReadsThemAsJacksonDoes() throws Exception {
    Random random = new Random(5);
    int taken = 0;
    for (int i = 0; i < 20_000; i++) {
      String line = RecordCodec.encode(detection(random));
      Detection fast = DetectionReader.read(line);
      if (fast != null) {
        taken++;
        assertSame(fast, JACKSON.readValue(line), line);
      } else {
        // Only escapes, and doubles Double.toString writes with an exponent, are left to Jackson.
        assertThat(line.contains("\\") || EXPONENT.matcher(line).find()).as(line).isTrue();
      }
    }
    assertThat(taken).isGreaterThan(18_000);
  }

  @Test
  void readsMutatedLinesAsJacksonDoesOrLeavesThemToIt() throws Exception {
    Random random = new Random(11);
    int taken = 0;
    int left = 0;
    for (int i = 0; i < 40_000; i++) {
      if (check(mutate(RecordCodec.encode(detection(random)), random))) {
        taken++;
      } else {
        left++;
      }
    }
    assertThat(taken).isGreaterThan(5_000);
    assertThat(left).isGreaterThan(5_000);
  }

  @Test
  void readsEveryNumberFormAsJacksonDoesOrLeavesItToIt() throws Exception {
    for (String form : NUMBER_FORMS) {
      for (String field : new String[] {"positionMs", "eventTime"}) {
        check("{\"mediaId\":\"m\",\"" + field + "\":" + form + "}");
      }
      check("{\"items\":[{\"confidence\":" + form + "}]}");
      check("{\"items\":[{\"box\":{\"left\":" + form + ",\"top\": " + form + " }}]}");
    }
  }

  @Test
  void leavesNullsEscapesUnknownFieldsAndTrailingTextToJackson() {
    String[] lines = {
      "{\"mediaId\":null}",
      "{\"mediaId\":\"a\\\"b\"}",
      "{\"mediaId\":\"tab\there\"}",
      "{\"media\\u0049d\":\"m\"}",
      "{\"mediaId\":\"m\",\"extra\":1}",
      "{\"mediaId\":\"m\"} x",
      "{\"mediaId\":\"m\"}{}",
      "[{\"mediaId\":\"m\"}]",
      "{\"items\":[{\"kind\":\"label\"}]}",
      "{\"items\":[{\"kind\":\"LA\\u0042EL\"}]}",
      "{\"items\":[{\"kind\":1}]}",
      "{\"items\":[1]}",
      "{\"items\":[{\"name\":\"x\"},]}",
      "{\"mediaId\":\"m\",}",
      "{\"mediaId\":\"m\"",
      "{\"mediaId\":\"m",
      "\uFEFF{\"mediaId\":\"m\"}",
    };
    for (String line : lines) {
      assertThat(DetectionReader.read(line)).as(line).isNull();
    }
  }

  @Test
  void readsUnicodeDuplicatesAndSpacingAsJacksonDoes() throws Exception {
    check("{\"mediaId\":\"média-ü-😀\",\"items\":[]}");
    check("{\"mediaId\":\"a\",\"mediaId\":\"b\",\"items\":[{\"name\":\"x\"}],\"items\":[{\"name\":\"y\"}]}");
    check(" \t\r\n{ \"mediaId\" : \"m\" , \"items\" : [ { \"kind\" : \"PRODUCT\" , \"box\" : { } } ] }\n");
    check("{}");
    check("{\"items\":[{}]}");
    assertThat(DetectionReader.read("{\"mediaId\":\"média-ü-😀\",\"items\":[]}")).isNotNull();
  }

  /**
   * Checks that the fast path leaves a line Jackson refuses to it, and reads a line it takes as
   * Jackson does; true when it took the line.
   */
  private static boolean check(String line) throws Exception {
    Detection fast = DetectionReader.read(line);
    Detection jackson;
    try {
      jackson = JACKSON.readValue(line);
    } catch (Exception refused) {
      assertThat(fast).as("Jackson refuses %s", line).isNull();
      return false;
    }
    if (fast != null) {
      assertSame(fast, jackson, line);
    }
    return fast != null;
  }

  /** Equal records, and equal bits in every double (equals would let 0.0 pass for -0.0 in none). */
  private static void assertSame(Detection fast, Detection jackson, String line) {
    assertThat(fast).as(line).isEqualTo(jackson);
    if (fast.items == null) {
      return;
    }
    for (int i = 0; i < fast.items.length; i++) {
      DetectionItem a = fast.items[i];
      DetectionItem b = jackson.items[i];
      assertThat(bits(a.confidence)).as(line).isEqualTo(bits(b.confidence));
      if (a.box != null) {
        assertThat(bits(a.box.left)).as(line).isEqualTo(bits(b.box.left));
        assertThat(bits(a.box.height)).as(line).isEqualTo(bits(b.box.height));
      }
    }
  }

  private static Long bits(Double d) {
    return d == null ? null : Double.doubleToRawLongBits(d);
  }

  static Detection detection(Random random) {
    Detection d = new Detection();
    d.mediaId = random.nextInt(20) == 0 ? null : "media-" + random.nextInt(1000) + text(random);
    d.positionMs = random.nextInt(20) == 0 ? null : (long) random.nextInt(Integer.MAX_VALUE);
    d.eventTime = random.nextInt(20) == 0 ? null : 1_780_167_600_000L + random.nextInt(1 << 30);
    d.source = random.nextInt(4) == 0 ? null : "rekognition";
    if (random.nextInt(30) != 0) {
      d.items = new DetectionItem[random.nextInt(16)];
      for (int i = 0; i < d.items.length; i++) {
        DetectionItem item = new DetectionItem();
        item.kind = random.nextInt(30) == 0 ? null : ItemKind.values()[random.nextInt(ItemKind.values().length)];
        item.name = random.nextInt(30) == 0 ? null : "Label " + text(random);
        item.confidence = random.nextInt(30) == 0 ? null : number(random);
        if (random.nextInt(3) == 0) {
          BoundingBox box = new BoundingBox();
          box.left = number(random) / 100;
          box.top = random.nextInt(10) == 0 ? null : number(random) / 100;
          box.width = number(random) / 100;
          box.height = number(random) / 100;
          item.box = box;
        }
        d.items[i] = item;
      }
    }
    return d;
  }

  /** Short decimals as detectors write them, whole numbers, and any double at all. */
  private static double number(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return Math.round(random.nextDouble() * 10_000) / 100.0;
      case 1:
        return random.nextInt(101);
      case 2:
        return random.nextDouble() * 100;
      default:
        return -random.nextDouble() * 1e6;
    }
  }

  /** Mostly plain text, rarely characters JSON must escape, sometimes two-unit characters. */
  private static String text(Random random) {
    switch (random.nextInt(400)) {
      case 0:
        return "\"quoted\"";
      case 1:
        return "back\\slash";
      case 2:
        return "ctl\u0001";
      case 3:
      case 4:
      case 5:
      case 6:
        return "ünï 😀";
      default:
        return Integer.toString(random.nextInt(100));
    }
  }

  private static String mutate(String line, Random random) {
    switch (random.nextInt(8)) {
      case 0:
        return spaced(line, random);
      case 1:
        return line.replaceFirst("\\{", "{\"unknown\":1,");
      case 2:
        return line.replaceFirst("\"source\":\"[^\"]*\"", "\"source\":null");
      case 3:
        return line.substring(0, random.nextInt(line.length()));
      case 4:
        return line.replaceFirst("\"confidence\":[-0-9.E]+",
            "\"confidence\":" + NUMBER_FORMS[random.nextInt(NUMBER_FORMS.length)]);
      case 5:
        return line.replaceFirst("\"eventTime\":[0-9]+",
            "\"eventTime\":" + NUMBER_FORMS[random.nextInt(NUMBER_FORMS.length)]);
      case 6:
        return reordered(line);
      default:
        return line + (random.nextBoolean() ? " " : "}");
    }
  }

  /** Spaces, tabs and newlines between tokens (outside strings). */
  private static String spaced(String line, Random random) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      out.append(c);
      if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        inString = !inString;
      }
      if (!inString && (c == ',' || c == ':' || c == '{' || c == '[') && random.nextBoolean()) {
        out.append(" \n\t\r".charAt(random.nextInt(4)));
      }
    }
    return out.toString();
  }

  /** The top-level fields in reverse order (items first), as another producer might write them. */
  private static String reordered(String line) {
    int items = line.indexOf(",\"items\":");
    if (items < 0 || !line.endsWith("}")) {
      return line;
    }
    List<String> parts = new ArrayList<>();
    parts.add(line.substring(items + 1, line.length() - 1));
    parts.add(line.substring(1, items));
    return "{" + String.join(",", parts) + "}";
  }
}
