package dev.chanx.gen.diff;

/**
 * One difference between two documents and whom it breaks.
 *
 * @param kind a stable identifier such as {@code message.removed} or {@code schema.enum.value-added};
 *     docs/reference/diff.md lists them
 * @param channel the key of the channel it is in (the new key when it was renamed), or null for
 *     the document itself
 * @param oldPlace where in the old document, or null when it is not there (something added)
 * @param newPlace where in the new document, or null when it is not there (something removed)
 * @param what what changed, one sentence without a final period
 * @param why why the verdict is what it is, one sentence without a final period
 * @param verdict whom it breaks
 */
public record Change(String kind, String channel, Place oldPlace, Place newPlace, String what, String why,
    Verdict verdict) {

  /** {@return this change with another verdict and reason} */
  public Change with(Verdict other, String reason) {
    return new Change(kind, channel, oldPlace, newPlace, what, reason, other);
  }
}
