package dev.chanx.gen.read;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the drafts into the model, tagging each message with its channel's discriminator. */
final class ModelAssembler {

  private final DiscriminatorInference discriminators;

  ModelAssembler(DiscriminatorInference discriminators) {
    this.discriminators = discriminators;
  }

  ApiModel assemble(DocumentDraft draft, String source, String discriminator, SchemaReader schemas,
      List<dev.chanx.gen.SpecProblem> warnings) {
    List<Channel> channels = new ArrayList<>();
    for (ChannelDraft c : draft.channels()) {
      String chosen = discriminators.choose(c, discriminator);
      // One Message per channel: a message shared by channels may carry a different tag in each.
      Map<String, Message> messages = new HashMap<>();
      channels.add(new Channel(c.key, c.address, c.title, c.summary, c.description,
          c.location.canonical(), c.parameters, operations(c.receives, chosen, messages),
          operations(c.sends, chosen, messages), chosen, c.query));
    }
    return new ApiModel(source, draft.asyncapiVersion(), draft.title(), draft.version(),
        draft.description(), channels, schemas.named(), warnings);
  }

  private List<Operation> operations(List<OperationDraft> drafts, String discriminator, Map<String, Message> cache) {
    List<Operation> out = new ArrayList<>();
    for (OperationDraft op : drafts) {
      out.add(new Operation(op.key(), op.action(), op.title(), op.summary(), op.description(), op.pointer(),
          messages(op.messages(), discriminator, cache), messages(op.replies(), discriminator, cache)));
    }
    return out;
  }

  private List<Message> messages(List<MessageUse> uses, String discriminator, Map<String, Message> cache) {
    List<Message> out = new ArrayList<>();
    for (MessageUse use : uses) {
      MessageDraft m = use.message();
      out.add(cache.computeIfAbsent(use.key() + "\n" + m.pointer(), k -> new Message(use.key(), m.name(),
          m.title(), m.summary(), m.description(), m.pointer(), m.payload(),
          discriminators.tag(use, discriminator), m.examples(), m.correlationId())));
    }
    return out;
  }
}
