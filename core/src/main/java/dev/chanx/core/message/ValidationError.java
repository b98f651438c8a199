package dev.chanx.core.message;

import java.util.List;

/**
 * One problem found in a client frame, in the shape Chanx (and Pydantic) report it.
 *
 * @param type a machine-readable code such as {@code missing} or {@code string_type}
 * @param loc where: the message's tag, then the path inside the frame (strings and indexes)
 * @param msg a human-readable sentence such as {@code Field required}
 */
public record ValidationError(String type, List<Object> loc, String msg) {

  /**
   * Copies the location, so it cannot change afterwards.
   *
   * @param type the Pydantic type code, such as {@code missing}
   * @param loc where the problem is, from the frame's root
   * @param msg the human-readable message
   */
  public ValidationError {
    loc = List.copyOf(loc);
  }
}
