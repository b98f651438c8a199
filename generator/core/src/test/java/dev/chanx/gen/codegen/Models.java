package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Schema;
import java.util.List;
import java.util.Map;

/** Small models built by hand, for what no sensible document would contain. */
final class Models {

  static final String SOURCE = "bad.yaml";

  private Models() {}

  /** A frame schema: {@code action} constant plus the given properties. */
  static Schema frame(String pointer, String tag, Map<String, Schema> properties) {
    Schema.Builder frame = Schema.builder(pointer).type(JsonType.OBJECT)
        .property("action", Schema.builder(pointer + "/properties/action").type(JsonType.STRING)
            .constValue(TextNode.valueOf(tag)).build());
    properties.forEach(frame::property);
    return frame.build();
  }

  static Schema string(String pointer) {
    return Schema.builder(pointer).type(JsonType.STRING).build();
  }

  static Message message(String key, String tag, Schema payload) {
    return new Message(key, null, null, null, null, "/components/messages/" + key, payload, tag, List.of(), null);
  }

  static Channel channel(String key, Message... received) {
    Operation op = new Operation("receive_" + key, Operation.Action.RECEIVE, null, null, null,
        "/operations/receive_" + key, List.of(received), List.of());
    return new Channel(key, "/" + key, null, null, null, "/channels/" + key, List.of(), List.of(op), List.of(),
        "action", null);
  }

  static ApiModel model(Channel... channels) {
    return new ApiModel(SOURCE, "3.0.0", "Bad", "1.0.0", null, List.of(channels), Map.of());
  }
}
