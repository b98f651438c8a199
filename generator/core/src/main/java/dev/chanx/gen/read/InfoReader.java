package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads {@code info}, which every AsyncAPI version writes alike. */
final class InfoReader {

  private InfoReader() {}

  /** The document's info, a missing node when it has none (a problem says so). */
  static JsonNode read(ReadContext ctx) {
    JsonNode info = ctx.root.root().path("info");
    if (!info.isObject()) {
      ctx.problems.at(ctx.root.at(""), "the document has no info", "Add info with a title and a version.");
    } else {
      for (String field : new String[] {"title", "version"}) {
        if (!info.path(field).isValueNode() || info.path(field).isNull()) {
          ctx.problems.at(ctx.root.at("/info"), "info has no " + field, "Add info." + field + ".");
        }
      }
    }
    return info;
  }
}
