// The generated client's recovery, under node:test, on a fake WebSocket: it takes pos off each
// frame, keeps each group's last position, reports recovery frames and presents the positions
// when it connects again. Run by JsClientRecoveryTest with CHANX_MODULE set to the tutorial's module.
import { test } from "node:test";
import assert from "node:assert/strict";

const { connectChat } = await import(process.env.CHANX_MODULE);

const sockets = [];
class FakeSocket {
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    sockets.push(this);
  }
  open() { this.readyState = 1; this.onopen?.(); }
  message(frame) { this.onmessage?.({ data: JSON.stringify(frame) }); }
  serverClose(code) { this.readyState = 3; this.onclose?.({ code, reason: "" }); }
  send() {}
  close(code = 1005, reason = "") { this.readyState = 3; this.onclose?.({ code, reason }); }
}
globalThis.setTimeout = (fn) => { fn(); return {}; };
globalThis.clearTimeout = () => {};

test("positions are kept per group and presented on the next connect", async () => {
  const events = [];
  const c = connectChat({ url: "ws://test", path: { group_name: "room1" }, WebSocket: FakeSocket,
    reconnect: { initialDelay: 0, maxDelay: 0 } }, {
    onNewChatMessage: (m) => events.push(`chat ${m.payload.message} ${JSON.stringify(Object.keys(m))}`),
    onRecovery: (r) => events.push(`recovery ${r.group} ${r.status} ${r.reason} ${r.missed}`),
    onUnreadable: (f) => events.push(`unreadable ${JSON.stringify(f)}`),
  });
  assert.equal(sockets[0].url, "ws://test/ws/chat/room1/");
  sockets[0].open();
  await c.opened;
  sockets[0].message({ action: "recovery", payload: { room1: { status: "new", epoch: "e1", offset: 0 } } });
  sockets[0].message({ action: "new_chat_message", payload: { message: "one", name: "A" },
    pos: { room1: { epoch: "e1", offset: 1 } } });
  sockets[0].message({ action: "new_chat_message", payload: { message: "two", name: "A" },
    pos: { room1: { epoch: "e1", offset: 2 } } });
  sockets[0].serverClose(1006);
  const url = new URL(sockets[1].url);
  assert.deepEqual(JSON.parse(url.searchParams.get("chanx_recover")), { room1: { epoch: "e1", offset: 2 } });
  sockets[1].open();
  sockets[1].message({ action: "recovery",
    payload: { room1: { status: "failed", reason: "window_exceeded", epoch: "e1", offset: 9 } } });
  sockets[1].serverClose(1006);
  assert.deepEqual(JSON.parse(new URL(sockets[2].url).searchParams.get("chanx_recover")),
    { room1: { epoch: "e1", offset: 9 } });
  assert.deepEqual(events, [
    "recovery room1 new null 0",
    'chat one ["action","payload"]',
    'chat two ["action","payload"]',
    "recovery room1 failed window_exceeded 0",
  ]);
  c.close();
});
