package dev.chanx.server.docs;

/** Appends HTML with every piece of document text escaped. */
final class Html {

  private final StringBuilder out = new StringBuilder(16 * 1024);

  /** Appends markup written by us, never text from the document. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends text, escaped for element content and attribute values alike. */
  Html text(String text) {
    escape(text, out);
    return this;
  }

  /** Appends an element whose whole content is escaped text: {@code <tag class="cls">text</tag>}. */
  Html element(String tag, String cls, String text) {
    out.append('<').append(tag);
    if (cls != null) {
      out.append(" class=\"").append(cls).append('"');
    }
    out.append('>');
    escape(text, out);
    out.append("</").append(tag).append('>');
    return this;
  }

  /** An id safe for an attribute and a fragment link, derived from a document name. */
  static String id(String kind, String name) {
    StringBuilder id = new StringBuilder(kind).append('-');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      id.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
    }
    return id.toString();
  }

  static void escape(String text, StringBuilder to) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> to.append("&amp;");
        case '<' -> to.append("&lt;");
        case '>' -> to.append("&gt;");
        case '"' -> to.append("&quot;");
        case '\'' -> to.append("&#39;");
        default -> to.append(c);
      }
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
