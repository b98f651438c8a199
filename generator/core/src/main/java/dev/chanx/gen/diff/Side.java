package dev.chanx.gen.diff;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.read.SourceLines;

/**
 * One of the two documents: its read model and the lines of its places.
 *
 * @param model the document read and checked
 * @param lines the line of each of its pointers
 */
record Side(ApiModel model, SourceLines lines) {

  /** {@return where a model pointer is: its file, the pointer within it, its line} */
  Place place(String pointer) {
    return new Place(lines.file(pointer), SourceLines.local(pointer), lines.line(pointer));
  }
}
