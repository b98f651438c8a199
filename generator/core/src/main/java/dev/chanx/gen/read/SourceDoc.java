package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One parsed file of a document.
 *
 * @param name the file as problems name it: the user's file name for the root, else the path
 *     relative to the root's folder with {@code /} separators
 * @param path the absolute, normalised path, used to load files relative to it and as a cache key
 * @param root the parsed tree
 * @param lines the line of each pointer
 * @param isRoot whether this is the document the user named
 */
record SourceDoc(String name, Path path, JsonNode root, SourceMap lines, boolean isRoot) {

  Location at(String pointer) {
    return new Location(this, pointer);
  }
}
