package dev.chanx.bench.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;

/**
 * The peer's schemas: networknt json-schema-validator, draft-07, compiled once from the same
 * AsyncAPI document the generated code comes from. The schema of a message is its payload
 * schema, a {@code $ref} into the document's own {@code components/schemas}, so every reference
 * resolves inside the one document, as the generator resolves it. Formats are asserted, as the
 * generated code asserts them.
 */
final class Peer {

  private Peer() {}

  /**
   * @param document a document on the class path, such as {@code spec/checkout.asyncapi.yaml}
   * @param schema the name of the message's schema in {@code components/schemas}
   */
  static JsonSchema compile(String document, String schema) throws IOException {
    JsonNode asyncapi;
    try (InputStream in = Peer.class.getClassLoader().getResourceAsStream(document)) {
      if (in == null) {
        throw new IOException("not on the class path: " + document);
      }
      asyncapi = new YAMLMapper().readTree(in);
    }
    ObjectNode root = new YAMLMapper().createObjectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$ref", "#/components/schemas/" + schema);
    root.putObject("components").set("schemas", asyncapi.path("components").path("schemas"));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root, config);
    compiled.initializeValidators();
    return compiled;
  }
}
