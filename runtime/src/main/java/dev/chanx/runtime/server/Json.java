package dev.chanx.runtime.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson setup the frame pipeline shares: trees in, streaming out, no data binding. */
final class Json {

  /** Reads whole frames into trees; rejects trailing tokens and duplicate keys. */
  static final ObjectReader TREE_READER;

  /** Writes frames; its codec lets a generator copy a tree (the {@code ref} echo). */
  static final JsonFactory FACTORY;

  static {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    TREE_READER = mapper.reader();
    FACTORY = mapper.getFactory();
  }

  private Json() {}
}
