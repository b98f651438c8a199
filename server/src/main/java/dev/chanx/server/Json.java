package dev.chanx.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The Jackson setup the frame pipeline shares: trees in, streaming out, no data binding. */
final class Json {

  /** Writes frames; its codec lets a generator copy a tree (the {@code ref} echo). */
  static final JsonFactory FACTORY = JsonMapper.builder().build().getFactory();

  private Json() {}

  /**
   * A reader of whole frames into trees, built once per server: rejects trailing tokens and
   * duplicate keys, and enforces the nesting, string and number limits while parsing.
   */
  static ObjectReader treeReader(Limits limits) {
    return JsonMapper.builder(streamFactory(limits))
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build()
        .reader();
  }

  /**
   * A factory of parsers for the quick path, built once per server: the same limits as the tree
   * reader; the generated stream readers refuse duplicate keys themselves.
   */
  static JsonFactory streamFactory(Limits limits) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxJsonDepth())
        .maxStringLength(limits.maxStringLength())
        .maxNameLength(limits.maxStringLength())
        .maxNumberLength(limits.maxNumberLength())
        .build();
    return JsonFactory.builder().streamReadConstraints(constraints).build();
  }
}
