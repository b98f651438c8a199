package dev.chanx.gen.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket endpoint: an address and the operations performed on it.
 *
 * @param key the channel's key under {@code channels}
 * @param address the address template clients open, such as {@code ws/chat/{group_name}/}: the
 *     channel's address as written, under the path of its servers when they give one
 *     ({@code pathname} {@code /v1}: {@code /v1/ws/chat/{group_name}/})
 * @param title the channel's title, or null
 * @param summary the channel's summary, or null
 * @param description the channel's description, or null
 * @param pointer where the channel is defined, as a JSON pointer such as {@code /channels/chat}
 * @param parameters the address parameters, in the order they appear in the address
 * @param receives operations whose messages a client sends to the server, in document order
 * @param sends operations whose messages the server pushes to clients, in document order
 * @param discriminator the top-level property whose constant value tells the messages apart
 * @param query the schema of the query parameters (WebSocket binding), or null
 * @param recovery how its group sends are recoverable ({@code x-chanx.recovery}), or null
 * @param topic what its {@code x-topic} says, or null for a channel that is not a topic; a
 *     topic's {@code parameters} are those of its pattern
 */
public record Channel(
    String key,
    String address,
    String title,
    String summary,
    String description,
    String pointer,
    List<Parameter> parameters,
    List<Operation> receives,
    List<Operation> sends,
    String discriminator,
    Schema query,
    Recovery recovery,
    Topic topic) {

  /**
   * A channel whose group sends are not recoverable.
   *
   * @param key the channel's key under {@code channels}
   * @param address the address template clients open
   * @param title the channel's title, or null
   * @param summary the channel's summary, or null
   * @param description the channel's description, or null
   * @param pointer where the channel is defined, as a JSON pointer
   * @param parameters the address parameters, in the order they appear in the address
   * @param receives operations whose messages a client sends to the server, in document order
   * @param sends operations whose messages the server pushes to clients, in document order
   * @param discriminator the top-level property whose constant value tells the messages apart
   * @param query the schema of the query parameters (WebSocket binding), or null
   */
  public Channel(String key, String address, String title, String summary, String description, String pointer,
      List<Parameter> parameters, List<Operation> receives, List<Operation> sends, String discriminator, Schema query) {
    this(key, address, title, summary, description, pointer, parameters, receives, sends, discriminator, query,
        (Recovery) null);
  }

  public Channel {
    parameters = List.copyOf(parameters);
    receives = List.copyOf(receives);
    sends = List.copyOf(sends);
  }

  /**
   * A channel that is not a topic.
   *
   * @param key the channel's key under {@code channels}
   * @param address the address template clients open
   * @param title the channel's title, or null
   * @param summary the channel's summary, or null
   * @param description the channel's description, or null
   * @param pointer where the channel is defined, as a JSON pointer
   * @param parameters the address parameters, in the order they appear in the address
   * @param receives operations whose messages a client sends to the server, in document order
   * @param sends operations whose messages the server pushes to clients, in document order
   * @param discriminator the top-level property whose constant value tells the messages apart
   * @param query the schema of the query parameters (WebSocket binding), or null
   * @param recovery how its group sends are recoverable, or null
   */
  public Channel(String key, String address, String title, String summary, String description, String pointer,
      List<Parameter> parameters, List<Operation> receives, List<Operation> sends, String discriminator,
      Schema query, Recovery recovery) {
    this(key, address, title, summary, description, pointer, parameters, receives, sends, discriminator, query,
        recovery, null);
  }


  /**
   * Messages a client may send: those of the receive operations, then its replies to the server's
   * requests (the replies of send operations), once each, in order.
   */
  public List<Message> clientMessages() {
    Map<String, Message> byPointer = new LinkedHashMap<>();
    for (Message m : distinct(receives, false)) {
      byPointer.putIfAbsent(m.pointer(), m);
    }
    for (Message m : distinct(sends, true)) {
      byPointer.putIfAbsent(m.pointer(), m);
    }
    return new ArrayList<>(byPointer.values());
  }

  /** Messages the server may send: replies of receive operations, then pushes, once each. */
  public List<Message> serverMessages() {
    Map<String, Message> byPointer = new LinkedHashMap<>();
    for (Message m : distinct(receives, true)) {
      byPointer.putIfAbsent(m.pointer(), m);
    }
    for (Message m : distinct(sends, false)) {
      byPointer.putIfAbsent(m.pointer(), m);
    }
    return new ArrayList<>(byPointer.values());
  }

  private static List<Message> distinct(List<Operation> operations, boolean replies) {
    Map<String, Message> byPointer = new LinkedHashMap<>();
    for (Operation op : operations) {
      for (Message m : replies ? op.replies() : op.messages()) {
        byPointer.putIfAbsent(m.pointer(), m);
      }
    }
    return new ArrayList<>(byPointer.values());
  }
}
