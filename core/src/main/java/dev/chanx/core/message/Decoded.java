package dev.chanx.core.message;

import java.util.List;
import java.util.Objects;

/**
 * The result of decoding one client frame: the typed message, or every problem found in it.
 *
 * @param <T> the channel's client message type
 */
public final class Decoded<T> {

  private final String tag;
  private final T value;
  private final List<ValidationError> errors;

  private Decoded(String tag, T value, List<ValidationError> errors) {
    this.tag = tag;
    this.value = value;
    this.errors = errors;
  }

  /**
   * {@return a frame that passed validation}
   *
   * @param <T> the message type
   * @param tag the discriminator value, or null when unread
   * @param value the typed message
   */
  public static <T> Decoded<T> valid(String tag, T value) {
    return new Decoded<>(Objects.requireNonNull(tag, "tag"), Objects.requireNonNull(value, "value"), List.of());
  }

  /**
   * {@return a frame that failed validation; {@code tag} is null when the discriminator could not
   * be read}
   *
   * @param <T> the message type
   * @param tag the discriminator value, or null when unread
   * @param errors the problems found
   */
  public static <T> Decoded<T> invalid(String tag, List<ValidationError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid frame needs at least one error");
    }
    return new Decoded<>(tag, null, List.copyOf(errors));
  }

  /**
   * {@return whether the frame passed validation}
   */
  public boolean isValid() {
    return value != null;
  }

  /**
   * {@return the discriminator value of the frame, or null when it was missing or unknown}
   */
  public String tag() {
    return tag;
  }

  /**
   * {@return the typed message; only for a valid frame}
   */
  public T value() {
    if (value == null) {
      throw new IllegalStateException("frame is invalid: " + errors);
    }
    return value;
  }

  /**
   * {@return the problems found; empty for a valid frame}
   */
  public List<ValidationError> errors() {
    return errors;
  }

  @Override
  public String toString() {
    return isValid() ? "Decoded[" + value + "]" : "Decoded[invalid " + tag + " " + errors + "]";
  }
}
