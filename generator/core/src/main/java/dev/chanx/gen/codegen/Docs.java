package dev.chanx.gen.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns titles, summaries and descriptions from a document into safe Javadoc text. */
final class Docs {

  /** The longest Javadoc line wanted, leaving room for the indent and {@code  * }. */
  static final int WIDTH = 92;

  private Docs() {}

  /**
   * The distinct, non-blank texts among the candidates, cleaned. Chanx writes a missing channel
   * description as the literal {@code None}, which is dropped like an empty one.
   */
  static List<String> paragraphs(String... candidates) {
    List<String> out = new ArrayList<>();
    for (String candidate : candidates) {
      String text = clean(candidate);
      if (text != null && out.stream().noneMatch(t -> t.equalsIgnoreCase(text))) {
        out.add(text);
      }
    }
    return out;
  }

  /** The first non-blank candidate, cleaned, or null. */
  static String first(String... candidates) {
    List<String> texts = paragraphs(candidates);
    return texts.isEmpty() ? null : texts.get(0);
  }

  /** Javadoc paragraphs, the first as the summary sentence and the others after {@code <p>}. */
  static CodeBlock block(List<String> paragraphs) {
    CodeBlock.Builder doc = CodeBlock.builder();
    for (int i = 0; i < paragraphs.size(); i++) {
      doc.add(i == 0 ? "$L\n" : "\n$L\n", wrap(i == 0 ? paragraphs.get(i) : "<p>" + paragraphs.get(i)));
    }
    return doc.build();
  }

  /** A {@code @param} tag, wrapped, continuation lines indented. */
  static String param(String name, String text) {
    return tag("@param " + name + " " + text.replaceAll("\\s*\\n\\s*", " "));
  }

  /** A block tag such as {@code @return ...}, wrapped, continuation lines indented, ending the line. */
  static String tag(String text) {
    return wrap(text).replace("\n", "\n    ") + "\n";
  }

  /** Breaks lines longer than {@link #WIDTH} at spaces; lines already broken stay as they are. */
  static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : keepInlineTagsWhole(text).split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      int start = out.length();
      for (String word : line.split(" ")) {
        int lineLength = out.length() - start;
        if (lineLength > 0 && lineLength + 1 + word.length() > WIDTH) {
          out.append('\n');
          start = out.length();
        } else if (lineLength > 0) {
          out.append(' ');
        }
        out.append(word);
      }
    }
    return out.toString().replace(NO_BREAK, ' ');
  }

  private static final char NO_BREAK = '\u0000';

  // An inline tag such as {@code a b} reads badly when split across lines.
  private static String keepInlineTagsWhole(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '@') {
        depth++;
      } else if (c == '{' && depth > 0) {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      }
      out.append(c == ' ' && depth > 0 ? NO_BREAK : c);
    }
    return out.toString();
  }

  /**
   * A channel's address for Javadoc: {@code at {@code ws/chat/}}, or {@code without an address}
   * when the document gives it none (its route then says where it is served).
   */
  static String at(dev.chanx.gen.model.Channel channel) {
    return channel.address() == null ? "without an address" : "at " + code(channel.address());
  }

  /**
   * Inline code for a name or value from a document: {@code {@code x}}, or {@code <code>} with
   * entities when the text could break the tag (unbalanced braces) or the comment.
   */
  static String code(String text) {
    int depth = 0;
    boolean balanced = true;
    for (char c : text.toCharArray()) {
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      balanced &= depth >= 0;
    }
    if (balanced && depth == 0 && !text.contains("*/") && !text.contains("\\") && !text.isBlank()) {
      return "{@code " + text.replaceAll("[\\r\\n]+", " ") + "}";
    }
    return "<code>" + escape(text.replaceAll("[\\r\\n]+", " ")).replace("{", "&#123;").replace("}", "&#125;")
        + "</code>";
  }

  /** The most examples shown in a type's Javadoc. */
  static final int MAX_EXAMPLES = 3;

  private static final ObjectWriter PRETTY = new ObjectMapper().writer(
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  /**
   * Up to {@link #MAX_EXAMPLES} examples as pretty-printed JSON, each in {@code <pre>{@code ...}</pre>},
   * or in {@code <pre>} with entities when the text could break the tag or the comment; empty
   * when there are none. Starts with a blank line, so it follows the paragraphs.
   */
  static String examples(List<JsonNode> examples) {
    if (examples.isEmpty()) {
      return "";
    }
    List<JsonNode> shown = examples.subList(0, Math.min(MAX_EXAMPLES, examples.size()));
    StringBuilder out = new StringBuilder("\n<p>").append(shown.size() == 1 ? "Example:" : "Examples:").append('\n');
    for (JsonNode example : shown) {
      String json;
      try {
        json = PRETTY.writeValueAsString(example);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      if (safeInCode(json)) {
        out.append("<pre>{@code\n").append(json).append("\n}</pre>\n");
      } else {
        out.append("<pre>\n").append(escape(json).replace("@", "&#64;").replace("{", "&#123;")
            .replace("}", "&#125;")).append("\n</pre>\n");
      }
    }
    return out.toString();
  }

  // {@code} shows its text as it is: braces must balance, and nothing may end the comment, start
  // a Unicode escape or read as a block tag.
  private static boolean safeInCode(String text) {
    int depth = 0;
    for (char c : text.toCharArray()) {
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0 && !text.contains("*/") && !text.contains("\\") && !text.contains("@");
  }

  /** Whether a title only restates a name: {@code "Task Type"} for {@code task_type}. */
  static boolean restates(String title, String name) {
    return title == null || squash(title).equals(squash(name));
  }

  static String clean(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.equals("None")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int blank = 0;
    for (String line : trimmed.split("\r?\n", -1)) {
      String l = line.stripTrailing();
      if (l.isEmpty()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      blank = 0;
      out.append(escape(l));
    }
    return out.toString();
  }

  // Text from a document must neither end the comment nor read as HTML or a block tag.
  private static String escape(String line) {
    // A backslash could start a Unicode escape, which javac reads even inside comments.
    String s = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("*/", "*&#47;").replace("\\", "&#92;");
    return s.startsWith("@") ? "{@literal @}" + s.substring(1) : s;
  }

  private static String squash(String text) {
    return text.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
