package dev.chanx.gen.read;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the drafts into the model, tagging each message with its channel's discriminator and
 * with how a frame picks it ({@link DispatchProof}).
 */
final class ModelAssembler {

  private final DiscriminatorInference discriminators;
  private final DispatchProof proof;

  ModelAssembler(DiscriminatorInference discriminators, DispatchProof proof) {
    this.discriminators = discriminators;
    this.proof = proof;
  }

  ApiModel assemble(DocumentDraft draft, String source, String discriminator, SchemaReader schemas,
      Problems problems) {
    List<Channel> channels = new ArrayList<>();
    for (ChannelDraft c : draft.channels()) {
      String chosen = discriminators.choose(c, discriminator);
      DispatchProof.Picks client = proof.plan(c, "clients send", chosen, text(c.clientMessages(), schemas),
          m -> discriminators.values(m, chosen), true);
      // The server sends either message as it likes; only a client cannot tell which it got.
      DispatchProof.Picks server = proof.plan(c, "the server sends", chosen, text(c.serverMessages(), schemas),
          m -> discriminators.values(m, chosen), false);
      Picking picking = new Picking(chosen, client, server, new HashMap<>());
      channels.add(new Channel(c.key, c.address, c.title, c.summary, c.description,
          c.location.canonical(), c.parameters, operations(c.receives, picking),
          operations(c.sends, picking), chosen, c.query, c.recovery));
    }
    // Read after the channels, whose dispatch adds warnings of its own.
    return new ApiModel(source, draft.asyncapiVersion(), draft.title(), draft.version(),
        draft.description(), channels, schemas.named(), problems.warnings());
  }

  // Binary messages come in binary frames, never told apart from text ones by their schemas.
  private static List<MessageUse> text(List<MessageUse> messages, SchemaReader schemas) {
    return messages.stream().filter(m -> !Message.isBinary(m.message().contentType(),
        schemas.deref(m.message().payload()))).toList();
  }

  /**
   * One channel's discriminator and picks; one Message per channel, since a message shared by
   * channels may carry a different tag in each.
   */
  private record Picking(String discriminator, DispatchProof.Picks client, DispatchProof.Picks server,
      Map<String, Message> cache) {

    // A message both sides have is picked the same way in both, or by its order.
    List<String> tags(String pointer) {
      List<String> a = client.tags().get(pointer);
      List<String> b = server.tags().get(pointer);
      if (a != null && b != null) {
        return a.equals(b) ? a : List.of();
      }
      return a != null ? a : b != null ? b : List.of();
    }

    String wrapperKey(String pointer) {
      String a = client.wrapperKeys().get(pointer);
      String b = server.wrapperKeys().get(pointer);
      return a != null && b != null && !Objects.equals(a, b) ? null : a != null ? a : b;
    }
  }

  private List<Operation> operations(List<OperationDraft> drafts, Picking picking) {
    List<Operation> out = new ArrayList<>();
    for (OperationDraft op : drafts) {
      out.add(new Operation(op.key(), op.action(), op.title(), op.summary(), op.description(), op.pointer(),
          messages(op.messages(), picking), messages(op.replies(), picking)));
    }
    return out;
  }

  private List<Message> messages(List<MessageUse> uses, Picking picking) {
    List<Message> out = new ArrayList<>();
    for (MessageUse use : uses) {
      MessageDraft m = use.message();
      out.add(picking.cache().computeIfAbsent(use.key() + "\n" + m.pointer(), k -> new Message(use.key(), m.name(),
          m.title(), m.summary(), m.description(), m.pointer(), m.payload(),
          discriminators.tag(use, picking.discriminator()), picking.tags(m.pointer()),
          picking.wrapperKey(m.pointer()), m.examples(), m.correlationId(), m.contentType())));
    }
    return out;
  }
}
