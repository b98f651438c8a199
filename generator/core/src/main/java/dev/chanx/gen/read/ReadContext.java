package dev.chanx.gen.read;

/** What every part of reading one document shares. */
final class ReadContext {

  final SourceDoc root;
  final Problems problems;
  final RefResolver refs;
  final SchemaReader schemas;
  final MessageReader messages;

  ReadContext(SourceDoc root, DocumentSet docs, Problems problems, boolean assertFormats) {
    this.root = root;
    this.problems = problems;
    this.refs = new RefResolver(docs, problems);
    this.schemas = new SchemaReader(refs, problems, assertFormats);
    this.messages = new MessageReader(this);
  }
}
