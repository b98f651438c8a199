package dev.chanx.gen.codegen;

import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the server's quick path reads on a channel: the frames its dispatcher reads straight from
 * the parser, and every record and union those reach as values. Only these get stream methods,
 * so that a Java client's reader, or a type only the tree path reads, carries no code nothing runs.
 */
final class QuickPath {

  private final List<MessagePlan> frames;
  private final Set<Decl> values = new HashSet<>();

  private QuickPath(List<MessagePlan> frames) {
    this.frames = frames;
    for (MessagePlan frame : frames) {
      components((RecordDecl) frame.decl());
    }
  }

  /** The quick path of a channel: none for a Java client's files. */
  static QuickPath of(ChannelPlan plan) {
    if (!plan.forServer()) {
      return new QuickPath(List.of());
    }
    return new QuickPath(new FrameDecoding(plan, plan.clientMessages(), plan.roles().clientMessage()).quickFrames());
  }

  /** The client messages the dispatcher reads straight from the parser, each a record. */
  List<MessagePlan> frames() {
    return frames;
  }

  /** Whether the quick path reads anything at all. */
  boolean isEmpty() {
    return frames.isEmpty();
  }

  boolean readsFrame(Decl decl) {
    return frames.stream().anyMatch(m -> m.decl() == decl);
  }

  /** Whether the quick path reads the record or union as a value inside a frame. */
  boolean readsValue(Decl decl) {
    return values.contains(decl);
  }

  private void components(RecordDecl record) {
    if (ReaderWriter.streamed(record)) {
      record.components().forEach(p -> reach(p.type()));
    }
  }

  private void reach(TypeRef type) {
    if (type instanceof TypeRef.Named named && !(named.decl() instanceof EnumDecl) && values.add(named.decl())
        && named.decl() instanceof RecordDecl record) {
      // A union is read through its tree reader: its branches are not reached.
      components(record);
    } else if (type instanceof TypeRef.ListOf list) {
      reach(list.item());
    } else if (type instanceof TypeRef.MapOf map) {
      reach(map.value());
    }
  }
}
