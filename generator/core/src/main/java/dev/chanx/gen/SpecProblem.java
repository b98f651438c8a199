package dev.chanx.gen;

/**
 * One thing wrong with a document, said so that the user can fix it.
 *
 * @param file the document's file name as the user gave it
 * @param pointer where, as a JSON pointer such as {@code /channels/chat/address} ("" for the root)
 * @param line the 1-based line in the file, or 0 when unknown
 * @param message what is wrong, one sentence without a final period
 * @param hint what to change, or null
 */
public record SpecProblem(String file, String pointer, int line, String message, String hint) {

  /** Renders {@code file#/pointer (line N): message. hint} */
  public String render() {
    StringBuilder out = new StringBuilder(file).append('#').append(pointer);
    if (line > 0) {
      out.append(" (line ").append(line).append(')');
    }
    out.append(": ").append(message).append('.');
    if (hint != null && !hint.isEmpty()) {
      out.append(' ').append(hint);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
