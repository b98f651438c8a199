package dev.chanx.gen.read;

import static dev.chanx.gen.read.StructureShape.list;
import static dev.chanx.gen.read.StructureShape.map;
import static dev.chanx.gen.read.StructureShape.one;
import static dev.chanx.gen.read.StructureShape.skip;

import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.asyncapi.v3._0_0.model.ExternalDocumentation;
import com.asyncapi.v3._0_0.model.Tag;
import com.asyncapi.v3._0_0.model.channel.Channel;
import com.asyncapi.v3._0_0.model.channel.Parameter;
import com.asyncapi.v3._0_0.model.channel.message.CorrelationId;
import com.asyncapi.v3._0_0.model.channel.message.Message;
import com.asyncapi.v3._0_0.model.channel.message.MessageExample;
import com.asyncapi.v3._0_0.model.channel.message.MessageTrait;
import com.asyncapi.v3._0_0.model.component.Components;
import com.asyncapi.v3._0_0.model.info.Contact;
import com.asyncapi.v3._0_0.model.info.Info;
import com.asyncapi.v3._0_0.model.info.License;
import com.asyncapi.v3._0_0.model.operation.Operation;
import com.asyncapi.v3._0_0.model.operation.OperationTrait;
import com.asyncapi.v3._0_0.model.operation.reply.OperationReply;
import com.asyncapi.v3._0_0.model.operation.reply.OperationReplyAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/** The AsyncAPI 3.0 (and 3.1) objects, bound with asyncapi-core's 3.0 model. */
enum V3Shape implements StructureShape {
  ROOT(AsyncAPI.class),
  INFO(Info.class),
  CONTACT(Contact.class),
  LICENSE(License.class),
  TAG(Tag.class),
  DOCS(ExternalDocumentation.class),
  SERVER(com.asyncapi.v3._0_0.model.server.Server.class),
  SERVER_VARIABLE(com.asyncapi.v3._0_0.model.server.ServerVariable.class),
  CHANNEL(Channel.class),
  PARAMETER(Parameter.class),
  MESSAGE(Message.class),
  MESSAGE_TRAIT(MessageTrait.class),
  MESSAGE_EXAMPLE(MessageExample.class),
  CORRELATION_ID(CorrelationId.class),
  OPERATION(Operation.class),
  OPERATION_TRAIT(OperationTrait.class),
  REPLY(OperationReply.class),
  REPLY_ADDRESS(OperationReplyAddress.class),
  COMPONENTS(Components.class);

  private final Class<?> type;

  V3Shape(Class<?> type) {
    this.type = type;
  }

  @Override
  public Class<?> type() {
    return type;
  }

  /**
   * Schemas, bindings and security are skipped (see {@link StructureShape}), and so are fields
   * that hold only references, which {@link RefResolver} checks when it follows them.
   */
  @Override
  public Map<String, Field> fields() {
    Map<String, Field> f = new LinkedHashMap<>();
    switch (this) {
      case ROOT:
        f.put("info", one(INFO));
        f.put("servers", map(SERVER));
        f.put("channels", map(CHANNEL));
        f.put("operations", map(OPERATION));
        f.put("components", one(COMPONENTS));
        break;
      case INFO:
        f.put("contact", one(CONTACT));
        f.put("license", one(LICENSE));
        described(f);
        break;
      case SERVER:
        f.put("variables", map(SERVER_VARIABLE));
        skip(f, "security", "bindings");
        described(f);
        break;
      case CHANNEL:
        f.put("parameters", map(PARAMETER));
        f.put("messages", map(MESSAGE));
        skip(f, "servers", "bindings");
        described(f);
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
      case OPERATION:
      case OPERATION_TRAIT:
        skip(f, "channel", "messages", "security", "bindings");
        if (this == OPERATION) {
          f.put("reply", one(REPLY));
          f.put("traits", list(OPERATION_TRAIT));
        }
        described(f);
        break;
      case REPLY:
        f.put("address", one(REPLY_ADDRESS));
        skip(f, "channel", "messages");
        break;
      case COMPONENTS:
        // An entry of components.schemas that nothing refers to is ignored on purpose, here and
        // by SchemaReader: it generates nothing, and reading it would put it in the model.
        skip(f, "schemas", "securitySchemes", "serverBindings", "channelBindings", "operationBindings",
            "messageBindings");
        f.put("servers", map(SERVER));
        f.put("channels", map(CHANNEL));
        f.put("operations", map(OPERATION));
        f.put("messages", map(MESSAGE));
        f.put("serverVariables", map(SERVER_VARIABLE));
        f.put("parameters", map(PARAMETER));
        f.put("correlationIds", map(CORRELATION_ID));
        f.put("replies", map(REPLY));
        f.put("replyAddresses", map(REPLY_ADDRESS));
        f.put("externalDocs", map(DOCS));
        f.put("tags", map(TAG));
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
