package dev.chanx.runtime.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An AsyncAPI document, read once and rendered once as JSON, YAML and an HTML page. */
public final class AsyncApiDocument {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build());

  private final byte[] json;
  private final byte[] yaml;
  private final byte[] html;

  private AsyncApiDocument(JsonNode tree) throws JsonProcessingException {
    this.json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    this.yaml = YAML.writeValueAsBytes(tree);
    this.html = DocsPage.render(tree).getBytes(StandardCharsets.UTF_8);
  }

  /** Reads a document (YAML or JSON) from a classpath resource such as {@code chat.asyncapi.yaml}. */
  public static AsyncApiDocument fromClasspath(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = AsyncApiDocument.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource " + resource);
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Reads a document (YAML or JSON) from a file. */
  public static AsyncApiDocument fromFile(Path file) {
    try {
      return parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Parses a document's text; {@code source} names it in error messages. */
  public static AsyncApiDocument parse(String source, String text) {
    try {
      JsonNode tree = text.stripLeading().startsWith("{") ? JSON.readTree(text) : YAML.readTree(text);
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException(source + " is not an AsyncAPI document: expected an object");
      }
      return new AsyncApiDocument(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + " is not valid YAML or JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The document as pretty-printed JSON (UTF-8); the array is shared, do not modify it. */
  public byte[] json() {
    return json;
  }

  /** The document as YAML (UTF-8); the array is shared, do not modify it. */
  public byte[] yaml() {
    return yaml;
  }

  /** The self-contained HTML page that documents it (UTF-8); the array is shared, do not modify it. */
  public byte[] html() {
    return html;
  }
}
