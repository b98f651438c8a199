package dev.chanx.client;

import dev.chanx.core.message.ValidationError;
import java.util.List;
import java.util.Objects;

/**
 * An {@code error} frame from the server: either the validation errors of a frame it could not
 * accept, in Chanx's {@code {type, loc, msg}} shape, or a {@code detail} sentence.
 */
public sealed interface ErrorFrame permits ErrorFrame.Validation, ErrorFrame.Detail {

  /**
   * The frame failed validation; the connection stays open.
   *
   * @param errors every problem found, in the order the server reported them
   */
  record Validation(List<ValidationError> errors) implements ErrorFrame {
    /**
     * Copies the errors, so the list cannot change afterwards.
     *
     * @param errors every problem found, in the order the server reported them
     */
    public Validation {
      errors = List.copyOf(errors);
    }
  }

  /**
   * Any other failure, such as a handler that raised.
   *
   * @param detail the server's sentence, such as {@code Failed to process message for ping}
   */
  record Detail(String detail) implements ErrorFrame {
    /**
     * Checks that there is a detail.
     *
     * @param detail the server's sentence, not null
     */
    public Detail {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
