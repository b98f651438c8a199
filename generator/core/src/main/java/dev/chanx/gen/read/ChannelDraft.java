package dev.chanx.gen.read;

import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Parameter;
import dev.chanx.gen.model.Schema;
import dev.chanx.gen.model.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel as read, gathering its operations before the discriminator is chosen. Version
 * neutral: the 2.x reader fills the same drafts from publish and subscribe, and its {@code
 * declared} messages from what those operations name.
 */
final class ChannelDraft {

  final String key;
  final Location location;
  final String address;
  final String title;
  final String summary;
  final String description;
  final List<Parameter> parameters;
  final Schema query;
  /** The channel's own {@code messages} (2.x: its operations' messages), by key. */
  final Map<String, MessageUse> declared;
  /** The keys of the channels this one serves: its own, or those of channels sharing its address. */
  final List<String> members;
  /**
   * The places, as canonical pointers, whose problems are this channel's: the channel objects it
   * serves and the entries that lead to them; {@link Reading} adds its operations, messages and
   * schemas.
   */
  final List<String> places = new ArrayList<>();
  final List<OperationDraft> receives = new ArrayList<>();
  final List<OperationDraft> sends = new ArrayList<>();
  /** What its {@code x-topic} says, or null: a topic is never merged with the channels at its address. */
  Topic topic;
  // From x-chanx.recovery, or null.
  dev.chanx.gen.model.Recovery recovery;

  ChannelDraft(String key, Location location, String address, String title, String summary,
      String description, List<Parameter> parameters, Schema query, Map<String, MessageUse> declared) {
    this(key, location, address, title, summary, description, parameters, query, declared, List.of(key));
  }

  ChannelDraft(String key, Location location, String address, String title, String summary,
      String description, List<Parameter> parameters, Schema query, Map<String, MessageUse> declared,
      List<String> members) {
    this.key = key;
    this.location = location;
    this.address = address;
    this.title = title;
    this.summary = summary;
    this.description = description;
    this.parameters = parameters;
    this.query = query;
    this.declared = new LinkedHashMap<>(declared);
    this.members = List.copyOf(members);
    this.places.add(location.canonical());
  }

  /**
   * The channel as problems name it: {@code channel 'chat'}, or for channels that share an
   * address {@code channel 'root' (channels 'ping' and 'pong' share address '/')}.
   */
  String describe() {
    if (members.size() < 2) {
      return "channel '" + key + "'";
    }
    return "channel '" + key + "' (channels " + SharedAddresses.quoted(members) + " share address '" + address + "')";
  }

  void add(OperationDraft operation) {
    (operation.action() == Operation.Action.RECEIVE ? receives : sends).add(operation);
  }

  /** What clients send: the messages of receive operations, then their replies to send operations, once each. */
  List<MessageUse> clientMessages() {
    Map<String, MessageUse> byPointer = new LinkedHashMap<>();
    receives.forEach(op -> op.messages().forEach(m -> byPointer.putIfAbsent(m.message().pointer(), m)));
    sends.forEach(op -> op.replies().forEach(m -> byPointer.putIfAbsent(m.message().pointer(), m)));
    return new ArrayList<>(byPointer.values());
  }

  /** What the server sends: replies, then pushes, once each. */
  List<MessageUse> serverMessages() {
    Map<String, MessageUse> byPointer = new LinkedHashMap<>();
    receives.forEach(op -> op.replies().forEach(m -> byPointer.putIfAbsent(m.message().pointer(), m)));
    sends.forEach(op -> op.messages().forEach(m -> byPointer.putIfAbsent(m.message().pointer(), m)));
    return new ArrayList<>(byPointer.values());
  }
}
