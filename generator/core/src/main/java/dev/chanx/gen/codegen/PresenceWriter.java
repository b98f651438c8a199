package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.chanx.core.presence.PresenceFrames;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>Presence} for a channel that declares presence ({@code x-chanx: {presence:
 * {member: ...}}}): a handler tracks a connection in a group under a member's key with the
 * member's typed data, or lets it receive a group's presence.
 */
final class PresenceWriter {

  private final FileHeader header;
  private final ChannelPlan plan;
  private final TypeName data;

  private PresenceWriter(FileHeader header, ChannelPlan plan, TypeName data) {
    this.header = header;
    this.plan = plan;
    this.data = data;
  }

  /** {@return the writer of a channel's presence class, or null when the channel declares no presence} */
  static PresenceWriter of(FileHeader header, ChannelPlan plan) {
    for (MessagePlan message : plan.serverMessages()) {
      if (PresenceFrames.STATE.equals(message.message().tag()) && message.decl() instanceof RecordDecl state) {
        TypeName data = dataType(state);
        if (data != null) {
          return new PresenceWriter(header, plan, data);
        }
      }
    }
    return null;
  }

  // presence_state's payload.members[].data, as PresenceFrames declared it.
  private static TypeName dataType(RecordDecl state) {
    RecordDecl payload = record(property(state, "payload"));
    RecordDecl member = payload == null ? null
        : property(payload, "members") instanceof TypeRef.ListOf list ? record(list.item()) : null;
    TypeRef data = member == null ? null : property(member, "data");
    return data == null ? null : data.javaType(true);
  }

  private static TypeRef property(RecordDecl record, String wireName) {
    return record.properties().stream().filter(p -> p.wireName().equals(wireName)).map(Property::type)
        .findFirst().orElse(null);
  }

  private static RecordDecl record(TypeRef type) {
    return type instanceof TypeRef.Named named && named.decl() instanceof RecordDecl record ? record : null;
  }

  TypeSpec write() {
    String channel = Docs.code(plan.channel().key());
    TypeName connection = ParameterizedTypeName.get(Types.CONNECTION, plan.roles().serverMessage(),
        plan.roles().path());
    String tags = "{@code " + PresenceFrames.STATE + "}, then {@code " + PresenceFrames.JOIN + "} and {@code "
        + PresenceFrames.LEAVE + "}";
    return TypeSpec.classBuilder(name(plan))
        .addAnnotation(header.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Docs.block(List.of(
            "Presence on channel " + channel + ": who is in which group, as its handler tracks them.",
            "A member joins a group with its first connection and leaves it with its last, wherever they are"
                + " connected when the server's presence store is shared (Redis). Connections that receive a"
                + " group's presence get " + tags + ", batched. Every method returns at once; a connection's"
                + " presence is undone when it closes.")))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("track")
            .addJavadoc(Docs.block(List.of("Tracks a connection in a group under a member's key, and lets it"
                + " receive the group's presence. The data of the member's first connection is the member's."))
                .toBuilder()
                .add("\n$L", Docs.param("connection", "the connection"))
                .add("$L", Docs.param("group", "the group's name, such as {@code room1}"))
                .add("$L", Docs.param("key", "the member's key, such as a user's name, not empty"))
                .add("$L", Docs.param("member", "the member's data"))
                .build())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(connection, "connection")
            .addParameter(Types.STRING, "group")
            .addParameter(Types.STRING, "key")
            .addParameter(data, "member")
            .addStatement("$T.track(connection, group, key, member)", Types.PRESENCE)
            .build())
        .addMethod(simple("untrack", connection,
            "Stops tracking a connection in a group; it still receives the group's presence."))
        .addMethod(simple("subscribe", connection,
            "Lets a connection receive a group's presence without being tracked: " + tags + "."))
        .addMethod(simple("unsubscribe", connection, "Stops sending a group's presence to a connection."))
        .build();
  }

  /** {@return the presence class of a channel, such as {@code ChatPresence}} */
  static ClassName name(ChannelPlan plan) {
    return ClassName.get(plan.packageName(), plan.prefix() + "Presence");
  }

  private static MethodSpec simple(String method, TypeName connection, String summary) {
    return MethodSpec.methodBuilder(method)
        .addJavadoc(Docs.block(List.of(summary)).toBuilder()
            .add("\n$L", Docs.param("connection", "the connection"))
            .add("$L", Docs.param("group", "the group's name, such as {@code room1}"))
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(connection, "connection")
        .addParameter(Types.STRING, "group")
        .addStatement("$T.$L(connection, group)", Types.PRESENCE, method)
        .build();
  }
}
