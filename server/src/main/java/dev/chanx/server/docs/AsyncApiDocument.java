package dev.chanx.server.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.presence.PresenceFrames;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An AsyncAPI document, read once and rendered once as JSON, YAML and an HTML page; the server
 * serves a copy that also documents the frames its runtime sends (see {@link #withRuntimeFrames}).
 */
public final class AsyncApiDocument {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build());

  private final JsonNode tree;
  private final byte[] json;
  private final byte[] yaml;
  private final byte[] html;

  private AsyncApiDocument(JsonNode tree) throws JsonProcessingException {
    this.tree = tree;
    this.json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    this.yaml = YAML.writeValueAsBytes(tree);
    this.html = DocsPage.render(tree).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a document (YAML or JSON) from a classpath resource such as {@code chat.asyncapi.yaml}.
   *
   * @param resource the classpath resource to read
   * @return the parsed document
   */
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

  /**
   * Reads a document (YAML or JSON) from a file.
   *
   * @param file the file to read
   * @return the parsed document
   */
  public static AsyncApiDocument fromFile(Path file) {
    try {
      return parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Parses a document's text; {@code source} names it in error messages.
   *
   * @param source names the document in error messages
   * @param text the document as YAML or JSON
   * @return the parsed document
   */
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

  /**
   * One document describing the channels of several, such as one document per channel of a
   * server: the given title, the first one's version, and the servers, channels, operations and
   * components of all. A name that several documents use (a shared {@code PingMessage} schema)
   * must have the same content in each.
   *
   * @param title the merged document's title
   * @param documents the documents to merge, the first one giving the version
   * @return the merged document
   * @throws IllegalArgumentException naming the key and the two documents (by title) when they
   *     differ, or when their AsyncAPI versions differ
   */
  public static AsyncApiDocument merge(String title, AsyncApiDocument... documents) {
    List<JsonNode> trees = new ArrayList<>();
    for (AsyncApiDocument document : documents) {
      trees.add(document.tree);
    }
    try {
      return new AsyncApiDocument(DocumentMerge.merge(title, trees));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the merged document", e);
    }
  }

  /**
   * A copy that also documents the frames the runtime may send on each hosted channel (error,
   * authentication, completion), and the presence frames of channels that declare presence, marked
   * {@code x-chanx}; this document and its file stay as they are.
   *
   * @param channels the hosted channels and the runtime frames of each
   * @return the copy with the runtime frames added
   */
  public AsyncApiDocument withRuntimeFrames(List<ChannelFrames> channels) {
    ObjectNode copy = (ObjectNode) tree.deepCopy();
    RuntimeFrames.augment(copy, channels);
    PresenceFrames.declare(copy);
    try {
      return new AsyncApiDocument(copy);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the augmented document", e);
    }
  }

  /**
   * A copy that also declares the optional {@code traceparent} key client frames of these
   * channels may carry, as a server that traces frames reads it.
   *
   * @param channels the hosted channels
   * @return the augmented copy
   */
  public AsyncApiDocument withTraceparent(List<ChannelFrames> channels) {
    ObjectNode copy = (ObjectNode) tree.deepCopy();
    TraceparentKey.augment(copy, channels);
    try {
      return new AsyncApiDocument(copy);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the augmented document", e);
    }
  }

  /**
   * {@return the document as pretty-printed JSON (UTF-8); the array is shared, do not modify it}
   */
  public byte[] json() {
    return json;
  }

  /**
   * {@return the document as YAML (UTF-8); the array is shared, do not modify it}
   */
  public byte[] yaml() {
    return yaml;
  }

  /**
   * {@return the self-contained HTML page that documents it (UTF-8); the array is shared, do not
   * modify it}
   */
  public byte[] html() {
    return html;
  }
}
