package dev.chanx.gen.read;

import dev.chanx.gen.Role;
import dev.chanx.gen.model.Operation;

/** What every part of reading one document shares. */
final class ReadContext {

  final SourceDoc root;
  final Problems problems;
  final RefResolver refs;
  final SchemaReader schemas;
  final MessageReader messages;
  /** Whose operations the document lists; the drafts are seen from the server. */
  final Role role;

  ReadContext(SourceDoc root, DocumentSet docs, Problems problems, boolean assertFormats, Role role) {
    this.root = root;
    this.role = role;
    this.problems = problems;
    this.refs = new RefResolver(docs, problems);
    this.schemas = new SchemaReader(refs, problems, assertFormats);
    this.messages = new MessageReader(this);
  }

  /**
   * What an operation the document lists as {@code action} (3.x; 2.x publish is receive and
   * subscribe send) is for the server: the same in a server's document, swapped in a client's,
   * whose sends are what the server receives.
   */
  Operation.Action seenFromServer(Operation.Action action) {
    if (role == Role.SERVER) {
      return action;
    }
    return action == Operation.Action.RECEIVE ? Operation.Action.SEND : Operation.Action.RECEIVE;
  }
}
