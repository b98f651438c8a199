package dev.chanx.gen.codegen;

import com.palantir.javapoet.TypeSpec;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.codegen.ChannelPlan.InterfacePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every file of one planned channel, one writer per kind of file: the types both sides
 * share, then the server's (with its publisher and events when the channel has pushes) and the
 * Java client's as planned.
 */
final class ChannelFiles {

  private ChannelFiles() {}

  static List<GeneratedFile> write(ChannelPlan plan, FileHeader header) {
    return write(plan, header, List.of());
  }

  /** The files of a channel whose connection carries {@code topics}: its client gets their accessors. */
  static List<GeneratedFile> write(ChannelPlan plan, FileHeader header, List<ChannelPlan> topics) {
    List<TypeSpec> types = new ArrayList<>();
    MessageTypesWriter messageTypes = new MessageTypesWriter(header, plan);
    types.add(messageTypes.client());
    types.add(messageTypes.server());
    for (InterfacePlan group : plan.interfaces()) {
      types.add(messageTypes.group(group));
    }
    RecordWriter records = new RecordWriter(header);
    UnionWriter unions = new UnionWriter(header);
    EnumWriter enums = new EnumWriter(header);
    ValueWriter values = new ValueWriter(header);
    for (Decl decl : plan.decls()) {
      if (decl instanceof RecordDecl record) {
        types.add(records.write(record));
      } else if (decl instanceof UnionDecl union) {
        types.add(unions.write(union));
      } else if (decl instanceof EnumDecl enumDecl) {
        types.add(enums.write(enumDecl));
      } else if (decl instanceof ValueDecl value) {
        types.add(values.write(value));
      }
    }
    RouteWriter routes = new RouteWriter(header, plan);
    types.add(new ReaderWriter(header, plan).write());
    if (!plan.contracts().isEmpty()) {
      types.add(new SchemasWriter(header, plan).write());
    }
    types.add(routes.path());
    if (plan.forServer()) {
      types.add(new HandlerWriter(header, plan).write());
      types.add(new DispatcherWriter(header, plan).write());
      types.add(routes.route());
      PresenceWriter presence = PresenceWriter.of(header, plan);
      if (presence != null) {
        types.add(presence.write());
      }
    }
    if (plan.isTopic() && plan.forServer()) {
      types.add(new TopicWriter(header, plan).write());
    }
    if (plan.serverPushes()) {
      types.add(new PublisherWriter(header, plan).write());
      types.add(new EventsWriter(header, plan).write());
    }
    if (plan.forServer() && plan.roles().requests() != null) {
      types.add(new RequestsWriter(header, plan).write());
    }
    if (plan.forClient() && !plan.isTopic()) {
      ClientPlan client = ClientPlan.of(plan);
      types.add(new ClientWriter(header, client, topics).write());
      types.add(new ListenerWriter(header, client).write());
    }
    if (plan.readsServerMessages()) {
      types.add(new ServerDecoderWriter(header, plan).write());
    }
    List<GeneratedFile> files = new ArrayList<>();
    for (TypeSpec type : types) {
      files.add(header.file(plan.packageName(), type));
    }
    return files;
  }
}
