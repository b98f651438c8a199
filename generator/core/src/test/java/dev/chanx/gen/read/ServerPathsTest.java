package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The servers' path goes before every channel's address, as the document says. */
class ServerPathsTest {

  private static List<String> addresses(ApiModel model) {
    return model.channels().stream().map(Channel::address).toList();
  }

  @Test
  void serversThatAgreePutTheirPathnameBeforeEveryAddress() {
    ApiModel model = Fixtures.read("servers/pathname.yaml");

    assertEquals(List.of("/v1/ws/chat/{room}/", "/v1/"), addresses(model),
        "pathname /{version} with its default v1 and /v1/ agree");
    assertEquals(List.of("room"), model.channel("chat").orElseThrow().parameters().stream()
        .map(dev.chanx.gen.model.Parameter::name).toList());
    assertEquals(List.of(), model.warnings());
  }

  @Test
  void aChannelOnServersThatDisagreeStaysAtItsAddressAndAWarningSaysWhy() {
    ApiModel model = Fixtures.read("servers/pathnames-disagree.yaml");

    assertEquals(List.of("tickers", "/ws/private/orders", "both"), addresses(model));
    assertEquals(List.of(
        "pathnames-disagree.yaml#/servers (line 5): the servers give different paths ('public': '/ws/public',"
            + " 'private': '/ws/private'), so channels that do not list their servers are served at their own"
            + " addresses. List each channel's servers under its servers, or give the servers one pathname.",
        "pathnames-disagree.yaml#/channels/both/servers (line 35): the servers of channel 'both' give it"
            + " different paths ('public': '/ws/public', 'private': '/ws/private'), so it is served at its own"
            + " address 'both'. List only servers with the same pathname under the channel's servers."),
        model.warnings().stream().map(SpecProblem::render).toList());
  }

  @Test
  void a2xServerUrlGivesItsPathWithOrWithoutAScheme() {
    ApiModel model = Fixtures.read("servers/url-path-2.6.yaml");

    assertEquals(List.of("/api/v2/chat/{room}"), addresses(model), "the mqtt server is not the channel's");
    assertEquals("chat_room", model.channels().get(0).key(), "named after its own address");
  }

  @Test
  void joiningKeepsOneSlash() {
    assertEquals("/v1/ws/chat/", ServerPaths.join("/v1", "ws/chat/"));
    assertEquals("/v1/ws/chat", ServerPaths.join("/v1", "/ws/chat"));
    assertEquals("/v1/", ServerPaths.join("/v1", "/"));
    assertEquals("ws/chat/", ServerPaths.join("", "ws/chat/"));
  }
}
