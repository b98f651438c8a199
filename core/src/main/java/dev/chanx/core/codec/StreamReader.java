package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one value straight from a parser, without a tree: the quick path for frames that are
 * plainly valid. It either returns the value a {@link ValueReader} would build from the same JSON,
 * or throws {@link StreamMiss}, after which the frame is read again as a tree to report what is
 * wrong with it. It never reports problems itself.
 *
 * @param <T> the type read
 */
@FunctionalInterface
public interface StreamReader<T> {

  /**
   * Reads the value whose first token is the parser's current token, leaving the parser on its
   * last token.
   *
   * @param json the parser, on the value's first token
   * @return the value, as the matching {@link ValueReader} would build it
   * @throws IOException when the parser fails
   * @throws StreamMiss when the value is not plainly valid
   */
  T read(JsonParser json) throws IOException;
}
