package dev.chanx.gen.model;

/** The JSON Schema {@code type} keyword's values. */
public enum JsonType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  OBJECT,
  ARRAY,
  NULL;

  /** The type for a {@code type} keyword value, or null when the value is not a JSON type. */
  public static JsonType of(String keyword) {
    for (JsonType t : values()) {
      if (t.name().equalsIgnoreCase(keyword)) {
        return t;
      }
    }
    return null;
  }
}
