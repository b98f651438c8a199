package dev.chanx.example;

import dev.chanx.example.assistants.AssistantMessage;
import dev.chanx.example.assistants.AssistantsHandler;
import dev.chanx.example.assistants.AssistantsPath;
import dev.chanx.example.assistants.AssistantsServerMessage;
import dev.chanx.example.assistants.CompleteStreamingMessage;
import dev.chanx.example.assistants.HandleAssistantMessageReply;
import dev.chanx.example.assistants.PingMessage;
import dev.chanx.example.assistants.PongMessage;
import dev.chanx.example.assistants.StreamingMessage;
import dev.chanx.example.assistants.StreamingPayload;
import dev.chanx.example.assistants.StreamingStartMessage;
import dev.chanx.server.channel.Connection;

/**
 * The tutorial's assistant, without the AI: streams a canned answer to every question, a word at
 * a time, the way a language model streams its tokens.
 */
public final class CannedAssistant implements AssistantsHandler {

  // tag::stream[]
  @Override
  public HandleAssistantMessageReply handleAssistantMessage(
      AssistantMessage message, Connection<AssistantsServerMessage, AssistantsPath> connection) {
    String answer = answer(message.payload());
    connection.send(new StreamingStartMessage(new StreamingPayload("")));
    for (String chunk : answer.split("(?<= )")) {
      connection.send(new StreamingMessage(new StreamingPayload(chunk)));
    }
    return new CompleteStreamingMessage(new StreamingPayload(answer));
  }
  // end::stream[]

  @Override
  public PongMessage handleAssistantPing(
      PingMessage message, Connection<AssistantsServerMessage, AssistantsPath> connection) {
    return new PongMessage();
  }

  /** The answer to a question: always the same, quoting the question. */
  static String answer(String question) {
    return "You asked: \"" + question.strip() + "\". I am a canned assistant, so here is what I always say:"
        + " keep your messages typed and your channels documented.";
  }
}
