package dev.chanx.gen.read;

import static dev.chanx.gen.read.StructureShape.list;
import static dev.chanx.gen.read.StructureShape.map;
import static dev.chanx.gen.read.StructureShape.one;
import static dev.chanx.gen.read.StructureShape.skip;

import com.asyncapi.v2._6_0.model.AsyncAPI;
import com.asyncapi.v2._6_0.model.ExternalDocumentation;
import com.asyncapi.v2._6_0.model.Tag;
import com.asyncapi.v2._6_0.model.channel.ChannelItem;
import com.asyncapi.v2._6_0.model.channel.Parameter;
import com.asyncapi.v2._6_0.model.channel.message.CorrelationId;
import com.asyncapi.v2._6_0.model.channel.message.MessageExample;
import com.asyncapi.v2._6_0.model.channel.message.MessageTrait;
import com.asyncapi.v2._6_0.model.channel.message.OneOfMessages;
import com.asyncapi.v2._6_0.model.channel.operation.Operation;
import com.asyncapi.v2._6_0.model.channel.operation.OperationTrait;
import com.asyncapi.v2._6_0.model.component.Components;
import com.asyncapi.v2._6_0.model.info.Contact;
import com.asyncapi.v2._6_0.model.info.Info;
import com.asyncapi.v2._6_0.model.info.License;
import com.asyncapi.v2._6_0.model.server.Server;
import com.asyncapi.v2._6_0.model.server.ServerVariable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AsyncAPI 2.x objects, bound with asyncapi-core's 2.6 model. Every 2.0 to 2.5 document fits
 * it, since later 2.x versions only added fields; a field newer than the document's version is
 * therefore not refused.
 */
enum V2Shape implements StructureShape {
  ROOT(AsyncAPI.class),
  INFO(Info.class),
  CONTACT(Contact.class),
  LICENSE(License.class),
  TAG(Tag.class),
  DOCS(ExternalDocumentation.class),
  SERVER(Server.class),
  SERVER_VARIABLE(ServerVariable.class),
  CHANNEL(ChannelItem.class),
  PARAMETER(Parameter.class),
  OPERATION(Operation.class),
  OPERATION_TRAIT(OperationTrait.class),
  /** An operation's {@code message}: one message, or {@code oneOf} a list of them. */
  MESSAGE_OR_ONE_OF(MessageTrait.class),
  ONE_OF_MESSAGES(OneOfMessages.class),
  /**
   * A message's own fields are bound as a trait's, which are the same but for {@code payload} and
   * {@code traits} (checked apart): asyncapi-core's 2.6 Message has a deserializer of its own
   * that skips unknown fields instead of refusing them.
   */
  MESSAGE(MessageTrait.class),
  MESSAGE_TRAIT(MessageTrait.class),
  MESSAGE_EXAMPLE(MessageExample.class),
  CORRELATION_ID(CorrelationId.class),
  COMPONENTS(Components.class);

  private final Class<?> type;

  V2Shape(Class<?> type) {
    this.type = type;
  }

  @Override
  public Class<?> type() {
    return type;
  }

  @Override
  public StructureShape refine(JsonNode node) {
    if (this != MESSAGE_OR_ONE_OF) {
      return this;
    }
    return node.has("oneOf") ? ONE_OF_MESSAGES : MESSAGE;
  }

  /** Schemas, bindings and security are skipped (see {@link StructureShape}). */
  @Override
  public Map<String, Field> fields() {
    Map<String, Field> f = new LinkedHashMap<>();
    switch (this) {
      case ROOT:
        f.put("info", one(INFO));
        f.put("servers", map(SERVER));
        f.put("channels", map(CHANNEL));
        f.put("components", one(COMPONENTS));
        described(f);
        break;
      case INFO:
        f.put("contact", one(CONTACT));
        f.put("license", one(LICENSE));
        break;
      case SERVER:
        f.put("variables", map(SERVER_VARIABLE));
        skip(f, "security", "bindings");
        f.put("tags", list(TAG));
        break;
      case CHANNEL:
        f.put("parameters", map(PARAMETER));
        f.put("publish", one(OPERATION));
        f.put("subscribe", one(OPERATION));
        skip(f, "bindings");
        break;
      case PARAMETER:
        skip(f, "schema");
        break;
      case OPERATION:
      case OPERATION_TRAIT:
        skip(f, "security", "bindings");
        if (this == OPERATION) {
          f.put("message", one(MESSAGE_OR_ONE_OF));
          f.put("traits", list(OPERATION_TRAIT));
        }
        described(f);
        break;
      case ONE_OF_MESSAGES:
        f.put("oneOf", list(MESSAGE));
        break;
      case MESSAGE:
      case MESSAGE_TRAIT:
        skip(f, "headers", "payload", "bindings");
        f.put("correlationId", one(CORRELATION_ID));
        if (this == MESSAGE) {
          f.put("traits", list(MESSAGE_TRAIT));
        }
        f.put("examples", list(MESSAGE_EXAMPLE));
        described(f);
        break;
      case MESSAGE_EXAMPLE:
        skip(f, "headers", "payload");
        break;
      case COMPONENTS:
        // An entry of components.schemas that nothing refers to is ignored on purpose, here and
        // by SchemaReader: it generates nothing, and reading it would put it in the model.
        skip(f, "schemas", "securitySchemes", "serverBindings", "channelBindings", "operationBindings",
            "messageBindings");
        f.put("servers", map(SERVER));
        f.put("serverVariables", map(SERVER_VARIABLE));
        f.put("channels", map(CHANNEL));
        f.put("messages", map(MESSAGE));
        f.put("parameters", map(PARAMETER));
        f.put("correlationIds", map(CORRELATION_ID));
        f.put("operationTraits", map(OPERATION_TRAIT));
        f.put("messageTraits", map(MESSAGE_TRAIT));
        break;
      default:
        if (this == TAG) {
          f.put("externalDocs", one(DOCS));
        }
        break;
    }
    return f;
  }

  private static void described(Map<String, Field> f) {
    f.put("tags", list(TAG));
    f.put("externalDocs", one(DOCS));
  }
}
