package dev.chanx.example;

import dev.chanx.example.system.JobQueued;
import dev.chanx.example.system.JobResult;
import dev.chanx.example.system.PongMessage;
import dev.chanx.example.system.SystemListener;
import dev.chanx.example.system.SystemNotification;
import dev.chanx.client.ErrorFrame;

/** Hears the system channel for a test: one line per frame. */
record SystemListenerLog(Heard heard) implements SystemListener {

  @Override
  public void onJobQueued(JobQueued message) {
    heard.add("queued " + message.payload());
  }

  @Override
  public void onJobResult(JobResult message) {
    heard.add("result " + message.payload());
  }

  @Override
  public void onSystemNotification(SystemNotification message) {
    heard.add("notification " + message.payload());
  }

  @Override
  public void onPongMessage(PongMessage message) {
    heard.add("pong");
  }

  @Override
  public void onOpen() {
    heard.add("open");
  }

  @Override
  public void onError(ErrorFrame error) {
    heard.add("error " + error);
  }
}
