package dev.chanx.gen.diff;

import dev.chanx.gen.CheckOptions;

/**
 * How two documents are read and compared. Immutable; start from {@link #defaults()}.
 *
 * @param check how each document is read (its discriminator, whether formats are checked)
 * @param role whose generated Java API the {@link Audience#API} verdicts are about
 */
public record DiffOptions(CheckOptions check, Role role) {

  /** {@return documents read with the default checks, judged for the server's API} */
  public static DiffOptions defaults() {
    return new DiffOptions(CheckOptions.defaults(), Role.SERVER);
  }

  /** {@return these options reading with the given checks} */
  public DiffOptions check(CheckOptions options) {
    return new DiffOptions(options, role);
  }

  /** {@return these options judging the given role's API} */
  public DiffOptions role(Role judged) {
    return new DiffOptions(check, judged);
  }
}
