package dev.chanx.gen.diff;

/**
 * One difference between two schemas, keyword by keyword, before a direction says whom it breaks.
 *
 * @param kind a stable identifier such as {@code schema.enum.value-added} (see docs/reference/diff.md)
 * @param oldPointer where in the old document (the model's pointer, {@code file#} first for another file)
 * @param newPointer where in the new document
 * @param acceptance how what the new schema accepts relates to what the old one accepts
 * @param api whether the generated Java types change with it (a name, a type, an order)
 * @param what what changed, one sentence without a final period
 */
public record SchemaChange(String kind, String oldPointer, String newPointer, Acceptance acceptance,
    boolean api, String what) {}
