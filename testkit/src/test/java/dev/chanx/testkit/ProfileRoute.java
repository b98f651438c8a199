package dev.chanx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.ValidationError;
import dev.chanx.testkit.ProfileMessages.Profile;
import dev.chanx.testkit.ProfileMessages.ProfileClientMessage;
import dev.chanx.testkit.ProfileMessages.ProfileServerMessage;
import dev.chanx.testkit.ProfileMessages.ProfileUpdated;
import dev.chanx.testkit.ProfileMessages.Town;
import dev.chanx.testkit.ProfileMessages.UpdateProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The profile channel at {@code ws/profiles/{team}/}: an update is answered, broadcast to the team's others. */
final class ProfileRoute implements ChannelRoute<ProfileRoute.Handler, ProfileClientMessage, ProfileServerMessage, String> {

  /** The channel's handler, as generated. */
  interface Handler extends ChannelHandler<ProfileServerMessage, String> {
    ProfileUpdated onUpdateProfile(UpdateProfile message, Connection<ProfileServerMessage, String> connection);
  }

  /** The handler the tests host: joins the team, answers and tells the others. */
  static final class Team implements Handler {
    @Override
    public void onConnect(Connection<ProfileServerMessage, String> connection) {
      connection.join(connection.path());
    }

    @Override
    public ProfileUpdated onUpdateProfile(UpdateProfile message, Connection<ProfileServerMessage, String> connection) {
      ProfileUpdated updated = new ProfileUpdated(message.payload());
      connection.broadcastToOthers(updated);
      return updated;
    }
  }

  @Override public String name() { return "profiles"; }

  @Override public String address() { return "ws/profiles/{team}/"; }

  @Override public List<String> parameterNames() { return List.of("team"); }

  @Override public String path(Map<String, String> raw) { return raw.get("team"); }

  @Override
  public Dispatcher<Handler, ProfileClientMessage, ProfileServerMessage, String> dispatcher() {
    return new Dispatcher<>() {
      @Override public String discriminator() { return "action"; }

      @Override
      public Decoded<ProfileClientMessage> decode(JsonNode frame) {
        if (!"update_profile".equals(frame.path("action").asText())) {
          return Decoded.invalid(null, List.of(new ValidationError("union_tag_invalid", List.of(), "not update_profile")));
        }
        List<ValidationError> errors = new ArrayList<>();
        String name = text(frame.at("/payload/display_name"), List.of("payload", "display_name"), errors);
        String city = text(frame.at("/payload/home_town/city_name"), List.of("payload", "home_town", "city_name"), errors);
        return errors.isEmpty()
            ? Decoded.valid("update_profile", new UpdateProfile(new Profile(name, new Town(city))))
            : Decoded.invalid("update_profile", errors);
      }

      @Override
      public ProfileServerMessage dispatch(ProfileClientMessage message, Handler handler,
          Connection<ProfileServerMessage, String> connection) {
        return handler.onUpdateProfile((UpdateProfile) message, connection);
      }
    };
  }

  private static String text(JsonNode value, List<Object> loc, List<ValidationError> errors) {
    if (!value.isTextual()) {
      List<Object> at = new ArrayList<>(List.of("update_profile"));
      at.addAll(loc);
      errors.add(new ValidationError("missing", at, "Field required"));
      return null;
    }
    return value.textValue();
  }
}
