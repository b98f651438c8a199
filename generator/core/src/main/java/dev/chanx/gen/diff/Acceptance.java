package dev.chanx.gen.diff;

/** How the values a new schema accepts relate to those the old one accepts. */
public enum Acceptance {
  /** The same values (at most documentation or the generated names changed). */
  SAME,
  /** Every value the old accepts, and more. */
  WIDER,
  /** Only values the old accepts, and not all of them. */
  NARROWER,
  /** Neither: some values only the old accepts, some only the new. */
  INCOMPATIBLE;

  /** {@return whether some value the old schema accepts is refused by the new} */
  public boolean refusesOld() {
    return this == NARROWER || this == INCOMPATIBLE;
  }

  /** {@return whether some value the new schema accepts was refused by the old} */
  public boolean acceptsNew() {
    return this == WIDER || this == INCOMPATIBLE;
  }

  /** {@return the acceptance of both changes made together} */
  public Acceptance and(Acceptance other) {
    boolean refuses = refusesOld() || other.refusesOld();
    boolean accepts = acceptsNew() || other.acceptsNew();
    return refuses && accepts ? INCOMPATIBLE : refuses ? NARROWER : accepts ? WIDER : SAME;
  }
}
