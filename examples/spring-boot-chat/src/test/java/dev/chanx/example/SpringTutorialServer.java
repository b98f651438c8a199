package dev.chanx.example;

import dev.chanx.example.spring.SpringChatApplication;
import dev.chanx.example.system.SystemPublisher;
import dev.chanx.server.ChannelHost;
import dev.chanx.server.layer.ChannelLayer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The tutorial's server as the Spring Boot application, for the Jetty example's end-to-end tests,
 * which this module runs again (see its pom): the same tests, the other transport.
 */
public final class SpringTutorialServer implements TutorialServer.Factory {

  @Override
  public TutorialServer start(int port) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SpringChatApplication.class)
        // A blank Redis URL keeps the layer in memory, as the Jetty example's is, even where the
        // environment sets CHANX_REDIS_URL (which Spring reads as chanx.redis.url), as CI does.
        .run("--server.port=" + port, "--spring.main.banner-mode=off", "--chanx.redis.url=");
    return new TutorialServer() {
      @Override
      public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
      }

      @Override
      public ChannelLayer layer() {
        return context.getBean(ChannelHost.class).layer();
      }

      @Override
      public SystemPublisher systemPublisher() {
        return context.getBean(SystemPublisher.class);
      }

      @Override
      public void stop() {
        context.close();
      }
    };
  }
}
