package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;

/** The AsyncAPI versions this reader knows, and how each is read. */
enum SpecVersion {
  /** 2.0 to 2.6: publish/subscribe inside channels keyed by address; see {@link V2DocumentReader}. */
  V2,
  V3_0,
  /** 3.1 changes nothing that the model holds, so it is read like 3.0. */
  V3_1;

  /** The version of a document, or null after reporting a problem. */
  static SpecVersion of(SourceDoc root, Problems problems) {
    JsonNode field = root.root().get("asyncapi");
    Location where = root.at("/asyncapi");
    if (field == null || field.isNull()) {
      problems.at(root.at(""), "the document has no asyncapi version", "Start it with asyncapi: 3.0.0.");
      return null;
    }
    String version = field.asText();
    if (version.matches("3\\.0\\.\\d+")) {
      return V3_0;
    }
    if (version.matches("3\\.1\\.\\d+")) {
      return V3_1;
    }
    if (version.matches("2\\.[0-6]\\.\\d+")) {
      return V2;
    }
    problems.at(where, "AsyncAPI version '" + version + "' is not supported",
        "Use asyncapi: 3.0.0 (2.0 to 2.6, 3.0 and 3.1 are read).");
    return null;
  }
}
