package dev.chanx.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Atomic access to a plain field, for objects kept per connection where an Atomic* would be one more object each. */
final class FieldHandles {

  private FieldHandles() {}

  /** The handle of a field of the lookup's class; a missing field is a bug, so an error. */
  static VarHandle of(MethodHandles.Lookup lookup, String field, Class<?> type) {
    try {
      return lookup.findVarHandle(lookup.lookupClass(), field, type);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
