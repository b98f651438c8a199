package dev.chanx.core.message;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A value that writes itself as JSON without reflection; every generated record implements it. */
public interface JsonWritable {

  /**
   * Writes this value as one complete JSON value.
   *
   * @param out the generator to write to
   * @throws IOException when the generator fails to write
   */
  void writeJson(JsonGenerator out) throws IOException;
}
