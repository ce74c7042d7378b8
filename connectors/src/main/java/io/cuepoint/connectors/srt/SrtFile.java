package io.cuepoint.connectors.srt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip (.srt) text: blocks separated by blank lines, each an optional number, a timing
 * line {@code HH:MM:SS,mmm --> HH:MM:SS,mmm} and one or more lines of text. A block that does not
 * follow the format is reported with the reason and its text, and reading goes on with the next.
 */
public final class SrtFile {
  private static final Pattern TIME =
      Pattern.compile(
          "(\\d{1,3}):(\\d{2}):(\\d{2})[,.](\\d{3})\\s*-->\\s*(\\d{1,3}):(\\d{2}):(\\d{2})[,.](\\d{3})(\\s.*)?");

  /** The cues that could be read, and the blocks that could not. */
  public final List<SrtCue> cues;
  public final List<Problem> problems;

  private SrtFile(List<SrtCue> cues, List<Problem> problems) {
    this.cues = Collections.unmodifiableList(cues);
    this.problems = Collections.unmodifiableList(problems);
  }

  public static SrtFile parse(String text) {
    List<SrtCue> cues = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    List<String> block = new ArrayList<>();
    int blockLine = 1;
    String[] lines = normalised.split("\n", -1);
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      if (line.isBlank()) {
        if (!block.isEmpty()) {
          read(block, blockLine, cues, problems);
          block.clear();
        }
        blockLine = i + 2;
      } else {
        block.add(line);
      }
    }
    return new SrtFile(cues, problems);
  }

  private static void read(List<String> block, int lineNumber, List<SrtCue> cues, List<Problem> problems) {
    String raw = String.join("\n", block);
    int at = 0;
    int index = cues.size() + problems.size() + 1;
    if (block.get(0).trim().matches("\\d+")) {
      try {
        index = Integer.parseInt(block.get(0).trim());
      } catch (NumberFormatException e) {
        problems.add(new Problem(lineNumber, "cue number " + block.get(0).trim() + " is too large", raw));
        return;
      }
      at = 1;
    }
    if (at >= block.size()) {
      problems.add(new Problem(lineNumber, "cue " + index + " has no timing line", raw));
      return;
    }
    Matcher m = TIME.matcher(block.get(at).trim());
    if (!m.matches()) {
      problems.add(
          new Problem(
              lineNumber,
              "cue " + index + ": '" + block.get(at).trim() + "' is not HH:MM:SS,mmm --> HH:MM:SS,mmm",
              raw));
      return;
    }
    long start = millis(m, 1);
    long end = millis(m, 5);
    if (start < 0 || end < 0) {
      problems.add(new Problem(lineNumber, "cue " + index + ": minutes or seconds over 59", raw));
      return;
    }
    if (end < start) {
      problems.add(new Problem(lineNumber, "cue " + index + " ends before it starts", raw));
      return;
    }
    if (at + 1 >= block.size()) {
      problems.add(new Problem(lineNumber, "cue " + index + " has no text", raw));
      return;
    }
    cues.add(new SrtCue(index, start, end, String.join("\n", block.subList(at + 1, block.size()))));
  }

  /** Milliseconds of the time starting at group {@code g}, or -1 when a field is out of range. */
  private static long millis(Matcher m, int g) {
    long h = Long.parseLong(m.group(g));
    long min = Long.parseLong(m.group(g + 1));
    long s = Long.parseLong(m.group(g + 2));
    long ms = Long.parseLong(m.group(g + 3));
    if (min > 59 || s > 59) {
      return -1;
    }
    return ((h * 60 + min) * 60 + s) * 1000 + ms;
  }

  /** A block that is not a cue. */
  public static final class Problem {
    /** Line of the file the block starts on (1-based). */
    public final int line;
    public final String reason;
    public final String raw;

    Problem(int line, String reason, String raw) {
      this.line = line;
      this.reason = reason;
      this.raw = raw;
    }
  }
}
