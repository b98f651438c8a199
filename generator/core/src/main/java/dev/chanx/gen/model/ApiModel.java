package dev.chanx.gen.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AsyncAPI document reduced to what code generation needs, seen from the server.
 *
 * @param source the document's file name as the user named it (no absolute path), for headers
 * @param asyncapiVersion the document's {@code asyncapi} field, such as {@code 3.0.0}
 * @param title {@code info.title}
 * @param version {@code info.version}
 * @param description {@code info.description}, or null
 * @param channels the channels in document order
 * @param schemas every schema reached through a {@code $ref}, keyed by its canonical location
 *     ({@link Schema#ref()} points here), in the order first reached
 * @param warnings what the document says that generated code does not enforce, in file and line order
 * @param skipped the problems of the channels left out because of them, when reading was asked to
 *     keep going ({@link dev.chanx.gen.CheckOptions#keepGoing()}); otherwise none
 */
public record ApiModel(
    String source,
    String asyncapiVersion,
    String title,
    String version,
    String description,
    List<Channel> channels,
    Map<String, Schema> schemas,
    List<dev.chanx.gen.SpecProblem> warnings,
    List<dev.chanx.gen.SpecProblem> skipped) {

  public ApiModel {
    channels = List.copyOf(channels);
    warnings = List.copyOf(warnings);
    skipped = List.copyOf(skipped);
    schemas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schemas));
  }

  /** A model with every channel of the document. */
  public ApiModel(String source, String asyncapiVersion, String title, String version, String description,
      List<Channel> channels, Map<String, Schema> schemas, List<dev.chanx.gen.SpecProblem> warnings) {
    this(source, asyncapiVersion, title, version, description, channels, schemas, warnings, List.of());
  }

  /** A model without warnings. */
  public ApiModel(String source, String asyncapiVersion, String title, String version, String description,
      List<Channel> channels, Map<String, Schema> schemas) {
    this(source, asyncapiVersion, title, version, description, channels, schemas, List.of());
  }

  /** {@return this model with only {@code kept} of its channels, and the problems of those left out} */
  public ApiModel leavingOut(List<Channel> kept, List<dev.chanx.gen.SpecProblem> problems) {
    return new ApiModel(source, asyncapiVersion, title, version, description, kept, schemas, warnings, problems);
  }

  /** The named schema a reference points at. */
  public Schema resolve(Schema schema) {
    Schema current = schema;
    for (int hops = 0; current.ref() != null; hops++) {
      Schema target = schemas.get(current.ref());
      if (target == null || hops > schemas.size()) {
        throw new IllegalStateException("dangling schema reference " + current.ref());
      }
      current = target;
    }
    return current;
  }

  /** The channel with the given key. */
  public Optional<Channel> channel(String key) {
    return channels.stream().filter(c -> c.key().equals(key)).findFirst();
  }
}
