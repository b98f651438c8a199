package dev.chanx.example.spring;

import dev.chanx.example.BackgroundJobs;
import dev.chanx.example.CannedAssistant;
import dev.chanx.example.ChatRoom;
import dev.chanx.example.system.SystemPublisher;
import dev.chanx.example.system.SystemRoute;
import dev.chanx.server.ChannelHost;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The tutorial's server on Spring Boot: the chat at {@code /ws/chat/<room>/}, the assistant at
 * {@code /ws/assistants/} and background jobs at {@code /ws/system/}, the same handlers as the
 * Jetty example's, as beans; {@code java -jar spring-chat.jar [--server.port=N]
 * [--chanx.redis.url=URI]}.
 */
// tag::app[]
@SpringBootApplication
public class SpringChatApplication implements WebMvcConfigurer {

  /** How long a background job takes before its result is pushed, as in the Jetty example. */
  static final Duration JOB_TIME = Duration.ofMillis(300);

  public static void main(String[] args) {
    SpringApplication.run(SpringChatApplication.class, args);
  }

  // Each bean implements a generated handler interface: the starter serves it at its channel's address.
  @Bean
  ChatRoom chatRoom() {
    return new ChatRoom();
  }

  @Bean
  CannedAssistant assistant() {
    return new CannedAssistant();
  }

  // The jobs push through the publisher bean, looked up when the first job is done.
  @Bean
  BackgroundJobs backgroundJobs(ObjectProvider<SystemPublisher> publisher, ScheduledExecutorService background) {
    return new BackgroundJobs(publisher::getObject, background, JOB_TIME);
  }

  // Pushes to the system channel from any bean: inject SystemPublisher.
  @Bean
  SystemPublisher systemPublisher(ChannelHost host) {
    return SystemPublisher.of(host.publisher(SystemRoute.create()));
  }
  // end::app[]

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService background() {
    return Executors.newSingleThreadScheduledExecutor(job -> {
      Thread thread = new Thread(job, "background-jobs");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The chat page at {@code /chat/}, from the Jetty example's jar (it imports the generated JavaScript client). */
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/chat/**").addResourceLocations("classpath:/public/chat/");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/chat/").setViewName("forward:/chat/index.html");
  }
}
