package dev.chanx.gen.read;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/** A place in one file of the document: the file and a JSON pointer into it. */
record Location(SourceDoc doc, String pointer) {

  /** The node here, or a missing node. */
  JsonNode node() {
    return pointer.isEmpty() ? doc.root() : doc.root().at(JsonPointer.compile(pointer));
  }

  Location child(String token) {
    return new Location(doc, Pointer.append(pointer, token));
  }

  Location child(int index) {
    return new Location(doc, pointer + "/" + index);
  }

  /**
   * The key the model uses for this place: the bare pointer in the root file, {@code
   * file#pointer} in any other file, so that keys stay unique across files.
   */
  String canonical() {
    return doc.isRoot() ? pointer : doc.name() + "#" + pointer;
  }

  /** The place as a user reads it in a message: always with the file. */
  String display() {
    return doc.name() + "#" + pointer;
  }

  int line() {
    return doc.lines().line(pointer);
  }
}
