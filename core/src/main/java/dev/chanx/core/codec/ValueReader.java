package dev.chanx.core.codec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and validates one JSON value. Generated readers and the rules of this package implement
 * it, so that lists, maps and fields compose them without reflection.
 *
 * @param <T> the Java value it produces
 */
@FunctionalInterface
public interface ValueReader<T> {

  /**
   * Reads a present value (JSON {@code null} included).
   *
   * @param value the JSON value to read
   * @param at where the value sits in the frame, for errors
   * @param problems where the problems found are recorded
   * @return the value, or null after recording at least one problem at {@code at}
   */
  T read(JsonNode value, Loc at, Problems problems);
}
