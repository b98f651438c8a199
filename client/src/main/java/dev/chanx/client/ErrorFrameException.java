package dev.chanx.client;

import dev.chanx.core.message.ValidationError;
import java.util.stream.Collectors;

/** The server answered a request with an {@code error} frame instead of a reply. */
public final class ErrorFrameException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorFrame error;

  /**
   * An exception carrying the error frame that answered a request.
   *
   * @param error the error frame, which also gives the exception's message
   */
  public ErrorFrameException(ErrorFrame error) {
    super(describe(error));
    this.error = error;
  }

  /**
   * The error frame, typed: validation errors or a detail.
   *
   * @return the error frame that answered the request
   */
  public ErrorFrame error() {
    return error;
  }

  private static String describe(ErrorFrame error) {
    if (error instanceof ErrorFrame.Detail detail) {
      return detail.detail();
    }
    return ((ErrorFrame.Validation) error).errors().stream()
        .map(ErrorFrameException::describe)
        .collect(Collectors.joining("; "));
  }

  private static String describe(ValidationError e) {
    return e.type() + " at " + e.loc() + ": " + e.msg();
  }
}
