package dev.chanx.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.message.JsonWritable;
import dev.chanx.core.message.Message;
import java.io.IOException;

/** A channel whose keys have several words, for the camelCase tests: written as the generator would. */
final class ProfileMessages {

  private ProfileMessages() {}

  /** What a client sends. */
  sealed interface ProfileClientMessage extends Message permits UpdateProfile {}

  /** What the server sends. */
  sealed interface ProfileServerMessage extends Message permits ProfileUpdated {}

  /** A town, nested to show that keys at any depth are converted. */
  record Town(String cityName) implements JsonWritable {
    @Override
    public void writeJson(JsonGenerator out) throws IOException {
      out.writeStartObject();
      out.writeStringField("city_name", cityName);
      out.writeEndObject();
    }
  }

  /** A profile. */
  record Profile(String displayName, Town homeTown) implements JsonWritable {
    @Override
    public void writeJson(JsonGenerator out) throws IOException {
      out.writeStartObject();
      out.writeStringField("display_name", displayName);
      out.writeFieldName("home_town");
      homeTown.writeJson(out);
      out.writeEndObject();
    }
  }

  /** The client's new profile. */
  record UpdateProfile(Profile payload) implements ProfileClientMessage {
    @Override public String wireTag() { return "update_profile"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "update_profile");
      out.writeFieldName("payload");
      payload.writeJson(out);
    }
  }

  /** A profile as it now is: the reply, the broadcast and the push. */
  record ProfileUpdated(Profile payload) implements ProfileServerMessage {
    @Override public String wireTag() { return "profile_updated"; }

    @Override
    public void writeFields(JsonGenerator out) throws IOException {
      out.writeStringField("action", "profile_updated");
      out.writeFieldName("payload");
      payload.writeJson(out);
    }
  }
}
