package dev.chanx.gen;

import java.util.Objects;

/**
 * How a document is read and checked. Immutable; start from {@link #defaults()} and change one
 * thing at a time.
 *
 * @param discriminator the property that tells every channel's messages apart, or null to infer it
 * @param assertFormats whether {@code format} is checked in what is received, as by default;
 *     when not, it only documents
 * @param strict whether what generated code does not enforce (each reported as a warning) fails
 *     the document instead
 * @param role which application the document's operations belong to: the server (the default)
 *     or a client, whose send operations are then what the server receives
 */
public record CheckOptions(String discriminator, boolean assertFormats, boolean strict, Role role) {

  public CheckOptions {
    Objects.requireNonNull(role, "role");
  }

  /** {@return the defaults: an inferred discriminator, formats checked, warnings only warn, the server's document} */
  public static CheckOptions defaults() {
    return new CheckOptions(null, true, false, Role.SERVER);
  }

  /** {@return these options with the discriminator given (null or blank: inferred)} */
  public CheckOptions discriminator(String property) {
    return new CheckOptions(property, assertFormats, strict, role);
  }

  /** {@return these options with formats checked or not} */
  public CheckOptions assertFormats(boolean assert_) {
    return new CheckOptions(discriminator, assert_, strict, role);
  }

  /** {@return these options with warnings failing the document or not} */
  public CheckOptions strict(boolean failOnWarnings) {
    return new CheckOptions(discriminator, assertFormats, failOnWarnings, role);
  }

  /** {@return these options reading the document as the given application's} */
  public CheckOptions role(Role application) {
    return new CheckOptions(discriminator, assertFormats, strict, application);
  }
}
