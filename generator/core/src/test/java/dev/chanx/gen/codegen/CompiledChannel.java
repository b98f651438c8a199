package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.examples.QuickRead;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.JsonWritable;
import dev.chanx.core.message.ValidationError;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One channel generated from a document, compiled and loaded, so that tests can feed real frames
 * to its dispatcher. Generated types are reached by name, the way a server would not need to.
 */
final class CompiledChannel {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ClassLoader loader;
  private final String packageName;
  private final String prefix;
  private final Dispatcher<?, ?, ?, ?> dispatcher;

  private CompiledChannel(ClassLoader loader, String packageName, String prefix) {
    this.loader = loader;
    this.packageName = packageName;
    this.prefix = prefix;
    this.dispatcher = route().dispatcher();
  }

  /** Generates the document under {@code com.example}, compiles all of it, and opens one channel. */
  static CompiledChannel of(Path document, String channelPackage, String prefix, Path workDir) {
    try {
      List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(document, null), "com.example");
      return new CompiledChannel(InMemoryJavac.compile(files, workDir), "com.example." + channelPackage, prefix);
    } catch (dev.chanx.gen.SpecException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  ChannelRoute<?, ?, ?, ?> route() {
    return (ChannelRoute<?, ?, ?, ?>) invokeStatic(prefix + "Route", "create");
  }

  Dispatcher<?, ?, ?, ?> dispatcher() {
    return dispatcher;
  }

  Class<?> type(String simpleName) {
    try {
      return Class.forName(packageName + "." + simpleName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  Object invokeStatic(String simpleName, String method) {
    try {
      return type(simpleName).getMethod(method).invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Decodes a frame given as JSON text, as the tree path does, and checks that the quick path,
   * where it takes the frame, agrees: a valid frame, an equal message, the same tag.
   */
  Decoded<?> decode(String frame) {
    Decoded<?> decoded = dispatcher.decode(parse(frame));
    QuickRead.Result quick = QuickRead.of(dispatcher, frame);
    if (quick != null) {
      assertTrue(decoded.isValid(), () -> "the quick path took " + frame + ", which the tree path refuses: "
          + decoded.errors());
      assertEquals(decoded.value(), quick.message(), frame);
      assertEquals(decoded.tag(), quick.tag(), frame);
    }
    return decoded;
  }

  /** The errors of a frame that must be invalid. */
  List<ValidationError> errors(String frame) {
    Decoded<?> decoded = decode(frame);
    assertTrue(!decoded.isValid(), () -> "expected errors for " + frame + " but got " + decoded);
    return decoded.errors();
  }

  /** The value of a frame that must be valid. */
  Object value(String frame) {
    Decoded<?> decoded = decode(frame);
    assertTrue(decoded.isValid(), () -> "expected " + frame + " to be valid but got " + decoded.errors());
    return decoded.value();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a value writes with its own writer, through a plain generator without a codec. */
  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
      ((JsonWritable) value).writeJson(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static ValidationError error(String type, List<Object> loc, String msg) {
    return new ValidationError(type, loc, msg);
  }
}
