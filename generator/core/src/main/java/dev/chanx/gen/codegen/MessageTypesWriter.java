package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.codegen.ChannelPlan.InterfacePlan;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the channel's {@code <C>ClientMessage} and {@code <C>ServerMessage} interfaces and the
 * reply and request interfaces of its operations.
 */
final class MessageTypesWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  MessageTypesWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  TypeSpec client() {
    return channelInterface(plan.roles().clientMessage(), plan.clientMessages(),
        "What a client may send on channel " + Docs.code(plan.channel().key()) + ".", "a client sends");
  }

  TypeSpec server() {
    return channelInterface(plan.roles().serverMessage(), plan.serverMessages(),
        "What the server may send on channel " + Docs.code(plan.channel().key()) + ": replies and pushes.",
        "the server sends");
  }

  private TypeSpec channelInterface(ClassName name, List<MessagePlan> messages, String summary, String who) {
    List<ClassName> permits = new ArrayList<>();
    List<Decl> tagged = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (MessagePlan m : messages) {
      if (tagged.contains(m.decl())) {
        continue;
      }
      if (m.decl().supertypes().contains(name)) {
        permits.add(m.decl().name());
      }
      if (m.decl() instanceof RecordDecl record && record.tagProperty() != null) {
        tagged.add(record);
        tags.add(record.tagProperty().constant());
      }
    }
    for (InterfacePlan group : plan.interfaces()) {
      if (group.parent().equals(name)) {
        permits.add(group.name());
      }
    }
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
        .addAnnotation(header.generated())
        .addSuperinterface(Types.MESSAGE);
    if (permits.isEmpty()) {
      // A sealed interface needs a permitted type, so an empty side stays open.
      return type.addModifiers(Modifier.PUBLIC)
          .addJavadoc(Docs.block(List.of(summary, "Nothing: the document lists no message that " + who
              + " on this channel. The interface is not sealed because it permits no type.")))
          .build();
    }
    type.addModifiers(Modifier.PUBLIC, Modifier.SEALED).addJavadoc(Docs.block(List.of(summary)));
    // Jackson needs every message named by its tag, including those permitted through a group.
    if (tagged.size() == messages.stream().map(m -> m.decl().name()).distinct().count()
        && plan.channel().discriminator() != null) {
      type.addAnnotation(UnionWriter.typeInfo(plan.channel().discriminator()));
      type.addAnnotation(UnionWriter.subTypes(tagged, tags));
    }
    permits.forEach(type::addPermittedSubclass);
    return type.build();
  }

  TypeSpec group(InterfacePlan group) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(group.name())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc(Docs.block(List.of(group.doc())))
        .addSuperinterface(group.parent());
    group.permits().forEach(type::addPermittedSubclass);
    return type.build();
  }
}
