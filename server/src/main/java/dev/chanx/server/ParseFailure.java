package dev.chanx.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Why a text frame could not be parsed: the kind, for the log, and the sentence its sender gets.
 *
 * @param kind the violation, logged without the frame
 * @param msg the {@code msg} of the {@code json_invalid} error, without the "Invalid JSON: " prefix
 */
record ParseFailure(Violation kind, String msg) {

  private static final int MAX_ERROR_TEXT = 120;

  /** Classifies Jackson's failure; limit violations get our own words, not Jackson's API names. */
  static ParseFailure of(JsonProcessingException e, Limits limits) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return new ParseFailure(Violation.NOT_JSON, "malformed frame");
    }
    if (e instanceof StreamConstraintsException) {
      if (message.contains("getMaxNestingDepth")) {
        return new ParseFailure(Violation.TOO_DEEP, "nested deeper than " + limits.maxJsonDepth() + " levels");
      }
      if (message.contains("getMaxStringLength") || message.contains("getMaxNameLength")) {
        return new ParseFailure(Violation.STRING_TOO_LONG,
            "a string or key longer than " + limits.maxStringLength() + " characters");
      }
      if (message.contains("getMaxNumberLength")) {
        return new ParseFailure(Violation.NUMBER_TOO_LONG,
            "a number longer than " + limits.maxNumberLength() + " digits");
      }
      return new ParseFailure(Violation.NOT_JSON, "the frame exceeds a limit");
    }
    Violation kind = message.startsWith("Duplicate field") ? Violation.DUPLICATE_KEY : Violation.NOT_JSON;
    return new ParseFailure(kind, shorten(message, e.getLocation()));
  }

  private static String shorten(String message, JsonLocation at) {
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (message.length() > MAX_ERROR_TEXT) {
      message = message.substring(0, MAX_ERROR_TEXT) + "...";
    }
    // Jackson quotes the offending text, which may end in half a surrogate pair once cut: a frame
    // carrying one could not be written back.
    message = Surrogates.replaceLone(message);
    return at == null ? message : message + " at line " + at.getLineNr() + " column " + at.getColumnNr();
  }
}
