package dev.chanx.core.codec;

import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.ValidationError;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found while reading one frame. Allocates nothing until the first
 * problem, so a valid frame costs only this object.
 */
public final class Problems {

  private List<ValidationError> errors;

  /**
   * Records a problem at a location, with a Pydantic type code and message.
   *
   * @param at where the problem is
   * @param type the Pydantic type code, such as {@code missing}
   * @param msg the message, such as {@code Field required}
   */
  public void add(Loc at, String type, String msg) {
    if (errors == null) {
      errors = new ArrayList<>(4);
    }
    errors.add(new ValidationError(type, at.toList(), msg));
  }

  /** Records a problem found elsewhere. */
  void add(ValidationError error) {
    if (errors == null) {
      errors = new ArrayList<>(4);
    }
    errors.add(error);
  }

  /**
   * {@return how many problems were recorded; compare before and after reading a value}
   */
  public int count() {
    return errors == null ? 0 : errors.size();
  }

  /**
   * {@return whether no problem was recorded}
   */
  public boolean isEmpty() {
    return count() == 0;
  }

  /**
   * Forgets the problems recorded after the first {@code count}: a union uses it to drop the
   * errors of branches tried before the one that fit.
   *
   * @param count how many problems to keep
   */
  public void truncate(int count) {
    if (errors != null && count < errors.size()) {
      errors.subList(count, errors.size()).clear();
    }
  }

  /**
   * {@return the problems recorded, in the order found}
   */
  public List<ValidationError> errors() {
    return errors == null ? List.of() : List.copyOf(errors);
  }

  /**
   * {@return the decoding result for a frame: the value when no problem was recorded, else the
   * problems}
   *
   * @param <T> the message type
   * @param tag the frame's discriminator value
   * @param value the message built
   */
  public <T> Decoded<T> decoded(String tag, T value) {
    return value != null && isEmpty() ? Decoded.valid(tag, value) : Decoded.invalid(tag, errors());
  }
}
