package dev.chanx.gen.codegen;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Small pieces of JavaScript and TypeScript text: literals, keys, comments, the fixed runtime. */
final class JsSource {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private JsSource() {}

  /** A string literal: JSON's quoting, which JavaScript reads the same way. */
  static String string(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }

  /** A JSON value as a JavaScript literal, on one line (JSON is one). */
  static String json(com.fasterxml.jackson.databind.JsonNode value) {
    return value.toString();
  }

  /** A property key: bare when it is an identifier, else quoted. */
  static String key(String name) {
    return IDENTIFIER.matcher(name).matches() ? name : string(name);
  }

  /** Text from a document made safe inside a block comment, on one line. */
  static String comment(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").replace("*/", "*\\/");
  }

  /** A resource beside this class, such as the client runtime every module starts with. */
  static String resource(String name) {
    try (InputStream in = JsSource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
