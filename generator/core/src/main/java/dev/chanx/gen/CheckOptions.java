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
 * @param keepGoing whether a channel with problems is left out, with its problems in {@link
 *     dev.chanx.gen.model.ApiModel#skipped()}, so that the others are generated; problems outside
 *     every channel still fail the document
 */
public record CheckOptions(String discriminator, boolean assertFormats, boolean strict, Role role,
    boolean keepGoing) {

  public CheckOptions {
    Objects.requireNonNull(role, "role");
  }

  /** {@return the defaults: an inferred discriminator, formats checked, warnings only warn, the server's document} */
  public static CheckOptions defaults() {
    return new CheckOptions(null, true, false, Role.SERVER, false);
  }

  /** {@return these options with the discriminator given (null or blank: inferred)} */
  public CheckOptions discriminator(String property) {
    return new CheckOptions(property, assertFormats, strict, role, keepGoing);
  }

  /** {@return these options with formats checked or not} */
  public CheckOptions assertFormats(boolean assert_) {
    return new CheckOptions(discriminator, assert_, strict, role, keepGoing);
  }

  /** {@return these options with warnings failing the document or not} */
  public CheckOptions strict(boolean failOnWarnings) {
    return new CheckOptions(discriminator, assertFormats, failOnWarnings, role, keepGoing);
  }

  /** {@return these options reading the document as the given application's} */
  public CheckOptions role(Role application) {
    return new CheckOptions(discriminator, assertFormats, strict, application, keepGoing);
  }

  /** {@return these options leaving out channels with problems, or failing on any} */
  public CheckOptions keepGoing(boolean leaveOut) {
    return new CheckOptions(discriminator, assertFormats, strict, role, leaveOut);
  }
}
