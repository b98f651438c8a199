package dev.chanx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.core.message.Decoded;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.server.topic.TopicHandler;
import dev.chanx.server.topic.TopicRoute;
import dev.chanx.testkit.ProfileMessages.ProfileClientMessage;
import dev.chanx.testkit.ProfileMessages.ProfileServerMessage;
import dev.chanx.testkit.ProfileMessages.ProfileUpdated;
import dev.chanx.testkit.ProfileMessages.UpdateProfile;
import java.util.List;
import java.util.Map;

/**
 * The profile messages as the topic {@code profile:{team}}, as the generator writes a topic's
 * route: mounted on a channel, or served on its own at {@code ws/profile/{team}/}. An update is
 * answered and broadcast to every subscriber of the team's topic but the sender.
 */
final class ProfileTopicRoute
    implements TopicRoute<ProfileTopicRoute.Handler, ProfileClientMessage, ProfileServerMessage, String> {

  /** The topic's handler, as generated. */
  interface Handler extends TopicHandler<ProfileServerMessage, String> {
    ProfileUpdated onUpdateProfile(UpdateProfile message, Connection<ProfileServerMessage, String> subscription);
  }

  /** The handler the tests host. */
  static final class Team implements Handler {
    @Override
    public ProfileUpdated onUpdateProfile(UpdateProfile message, Connection<ProfileServerMessage, String> subscription) {
      ProfileUpdated updated = new ProfileUpdated(message.payload());
      subscription.broadcastToOthers(updated);
      return updated;
    }
  }

  // Decoding is the channel's: the same messages, the same validation.
  private final Dispatcher<ProfileRoute.Handler, ProfileClientMessage, ProfileServerMessage, String> channel =
      new ProfileRoute().dispatcher();

  @Override public String name() { return "profile"; }

  @Override public String address() { return "ws/profile/{team}/"; }

  @Override public List<String> parameterNames() { return List.of("team"); }

  @Override public String path(Map<String, String> raw) { return raw.get("team"); }

  @Override public String topicName() { return "profile"; }

  @Override public String pattern() { return "profile:{team}"; }

  @Override public String topic(String team) { return "profile:" + team; }

  @Override
  public Dispatcher<Handler, ProfileClientMessage, ProfileServerMessage, String> dispatcher() {
    return new Dispatcher<>() {
      @Override public String discriminator() { return "action"; }

      @Override public Decoded<ProfileClientMessage> decode(JsonNode frame) { return channel.decode(frame); }

      @Override
      public ProfileServerMessage dispatch(ProfileClientMessage message, Handler handler,
          Connection<ProfileServerMessage, String> subscription) {
        return handler.onUpdateProfile((UpdateProfile) message, subscription);
      }
    };
  }
}
