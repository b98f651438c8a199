package dev.chanx.core.codec;

import java.util.List;

/**
 * Where a value sits in a frame: the message's tag, then property names and array indexes.
 * Immutable; a child shares its parent, so building one costs a single small object.
 */
public final class Loc {

  private static final Loc ROOT = new Loc(null, null, 0);

  private final Loc parent;
  private final Object segment;
  private final int depth;

  private Loc(Loc parent, Object segment, int depth) {
    this.parent = parent;
    this.segment = segment;
    this.depth = depth;
  }

  /**
   * {@return the empty location, the frame itself: {@code []}}
   */
  public static Loc root() {
    return ROOT;
  }

  /**
   * {@return the location of a message's fields: {@code [tag]}}
   *
   * @param tag the message's tag
   */
  public static Loc of(String tag) {
    return ROOT.key(tag);
  }

  /**
   * {@return the location of a property of the value here}
   *
   * @param name the property's name
   */
  public Loc key(String name) {
    return new Loc(this, name, depth + 1);
  }

  /**
   * {@return the location of an element of the array here}
   *
   * @param index the element's index
   */
  public Loc index(int index) {
    return new Loc(this, index, depth + 1);
  }

  /**
   * {@return the segments from the root, strings and {@link Integer} indexes, as errors report
   * them}
   */
  public List<Object> toList() {
    if (depth == 0) {
      return List.of();
    }
    Object[] segments = new Object[depth];
    for (Loc at = this; at.depth > 0; at = at.parent) {
      segments[at.depth - 1] = at.segment;
    }
    // Immutable, so that ValidationError's List.copyOf keeps it without copying again.
    return List.of(segments);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Loc loc && loc.toList().equals(toList());
  }

  @Override
  public int hashCode() {
    return toList().hashCode();
  }

  @Override
  public String toString() {
    return toList().toString();
  }
}
