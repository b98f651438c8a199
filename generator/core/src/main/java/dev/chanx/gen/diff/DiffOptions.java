package dev.chanx.gen.diff;

import dev.chanx.gen.CheckOptions;

/**
 * How two documents are read and compared. Immutable; start from {@link #defaults()}.
 *
 * @param check how each document is read: its discriminator, whether formats are checked, and
 *     which application both documents describe ({@link CheckOptions#role()})
 */
public record DiffOptions(CheckOptions check) {

  /** {@return documents read with the default checks, as the server's} */
  public static DiffOptions defaults() {
    return new DiffOptions(CheckOptions.defaults());
  }

  /** {@return these options reading with the given checks} */
  public DiffOptions check(CheckOptions options) {
    return new DiffOptions(options);
  }
}
