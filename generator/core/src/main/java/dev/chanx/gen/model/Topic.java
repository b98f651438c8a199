package dev.chanx.gen.model;

import java.util.List;

/**
 * What a channel's {@code x-topic} says, as Chanx 2.10 writes it: the channel is a topic that
 * clients subscribe to over the connection of the channel at the same address, addressing it
 * per frame by a topic string that fits {@code pattern}.
 *
 * @param name the topic's name, such as {@code room}
 * @param pattern the topic pattern, such as {@code room:{room_name}}
 * @param parameters the pattern's parameters, in the order it names them
 */
public record Topic(String name, String pattern, List<String> parameters) {

  public Topic {
    parameters = List.copyOf(parameters);
  }
}
