package dev.chanx.gen.diff;

import java.util.Set;
import java.util.StringJoiner;

/**
 * Renders a report for people: one line per change, {@code verdict: old place -> new place: what;
 * why [kind]}, then a summary line.
 */
public final class TextRenderer {

  private TextRenderer() {}

  /** {@return the report as text, each line ending in a newline} */
  public static String render(DiffReport report, Set<Audience> failOn) {
    StringBuilder out = new StringBuilder();
    for (Change c : report.changes()) {
      out.append(line(c)).append('\n');
    }
    out.append(summary(report, failOn)).append('\n');
    return out.toString();
  }

  /** {@return one change on one line} */
  public static String line(Change c) {
    String where = c.oldPlace() == null ? "(added) -> " + c.newPlace().render()
        : c.newPlace() == null ? c.oldPlace().render() + " -> (removed)"
        : c.oldPlace().render() + " -> " + c.newPlace().render();
    return (c.verdict().isSafe() ? "safe" : "BREAKS " + c.verdict().toString().substring("breaks ".length()))
        + ": " + where + ": " + c.what() + "; " + c.why() + " [" + c.kind() + "]";
  }

  /** {@return the summary: how many changes, what they break, whether that fails} */
  public static String summary(DiffReport report, Set<Audience> failOn) {
    int n = report.changes().size();
    if (n == 0) {
      return "chanx-gen diff: " + report.oldFile() + " -> " + report.newFile() + ": no changes.";
    }
    StringJoiner counts = new StringJoiner(", ");
    for (Audience a : Audience.values()) {
      counts.add(a.id() + " " + report.count(a));
    }
    long safe = report.changes().stream().filter(c -> c.verdict().isSafe()).count();
    int failing = report.breaking(failOn).size();
    return "chanx-gen diff: " + report.oldFile() + " -> " + report.newFile() + ": " + n + " change"
        + (n == 1 ? "" : "s") + " (" + safe + " safe; breaking " + counts + "; role " + report.role().id() + "); "
        + (failing == 0 ? "nothing breaks " : failing + " break ")
        + String.join(",", failOn.stream().map(Audience::id).toList()) + ".";
  }
}
