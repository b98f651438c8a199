// The generated client's reconnecting, under node:test, on a fake WebSocket and recorded timers:
// which closes are retried, how long each wait is, the first connect, a silent server.
// Run by JsClientReconnectTest with CHANX_MODULE set to a generated module (the tutorial's).
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

const { connectAssistants } = await import(process.env.CHANX_MODULE);

let timers;
let sockets;

class FakeSocket {
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    sockets.push(this);
  }
  open() { this.readyState = 1; this.onopen?.(); }
  message(frame) { this.onmessage?.({ data: JSON.stringify(frame) }); }
  serverClose(code) { this.readyState = 3; this.onclose?.({ code, reason: "" }); }
  refused() { this.readyState = 3; this.onerror?.(); this.onclose?.({ code: 1006, reason: "" }); }
  send(text) { this.sent.push(text); }
  close(code = 1005, reason = "") {
    this.closedWith = code;
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

// The client reads setTimeout and clearTimeout from the global scope when it calls them.
globalThis.setTimeout = (fn, ms) => {
  const timer = { fn, ms, cleared: false };
  timers.push(timer);
  return timer;
};
globalThis.clearTimeout = (timer) => { if (timer) timer.cleared = true; };

function pending() { return timers.filter((t) => !t.cleared && !t.fired); }

function fireNext() {
  const [timer] = pending();
  assert.ok(timer, "a timer is pending");
  timer.fired = true;
  timer.fn();
  return timer.ms;
}

function client(options, events = []) {
  const handlers = {
    onOpen: () => events.push("open"),
    onClose: (e) => events.push(`close ${e.code} ${e.reconnecting ? "again" : "end"}`),
    onFailure: () => events.push("failure"),
  };
  return connectAssistants({ url: "ws://test", WebSocket: FakeSocket, ...options }, handlers);
}

beforeEach(() => {
  timers = [];
  sockets = [];
  Math.random = () => 0.5;
});

test("the first connect is retried until a socket opens", async () => {
  const events = [];
  const c = client({ reconnect: { initialDelay: 100, maxDelay: 1000 } }, events);
  sockets[0].refused();
  assert.equal(fireNext(), 50);
  sockets[1].refused();
  assert.equal(fireNext(), 100);
  sockets[2].open();
  await c.opened;
  assert.deepEqual(events, ["failure", "failure", "open"]);
});

test("without reconnect the first failure rejects opened", async () => {
  const c = client({});
  sockets[0].refused();
  await assert.rejects(c.opened);
  await c.closed;
  assert.equal(pending().length, 0);
});

test("each ceiling doubles up to maxDelay and the delay is drawn anywhere below it", () => {
  const ceilings = [];
  Math.random = () => 0.999999;
  client({ reconnect: { initialDelay: 100, maxDelay: 1000 } });
  for (let i = 0; i < 6; i++) {
    sockets[i].refused();
    ceilings.push(Math.round(fireNext()));
  }
  assert.deepEqual(ceilings, [100, 200, 400, 800, 1000, 1000]);
  Math.random = () => 0;
  sockets[6].refused();
  assert.equal(fireNext(), 0);
  Math.random = () => 0.25;
  sockets[7].refused();
  assert.equal(fireNext(), 250);
});

test("an open connection resets the backoff", () => {
  client({ reconnect: { initialDelay: 100, maxDelay: 1000 } });
  sockets[0].refused();
  fireNext();
  sockets[1].refused();
  assert.equal(fireNext(), 100);
  sockets[2].open();
  sockets[2].serverClose(1006);
  assert.equal(fireNext(), 50);
});

for (const code of [1000, 1002, 1003, 1007, 1008, 4000, 4401, 4999]) {
  test(`no retry after ${code}`, async () => {
    const events = [];
    const c = client({ reconnect: true }, events);
    sockets[0].open();
    sockets[0].serverClose(code);
    await c.closed;
    assert.deepEqual(events, ["open", `close ${code} end`]);
    assert.equal(pending().length, 0);
  });
}

for (const code of [1001, 1006, 1011, 1012]) {
  test(`retry after ${code} with the usual backoff`, () => {
    const events = [];
    client({ reconnect: { initialDelay: 100, maxDelay: 1000 } }, events);
    sockets[0].open();
    sockets[0].serverClose(code);
    assert.equal(fireNext(), 50);
    sockets[1].open();
    assert.deepEqual(events, ["open", `close ${code} again`, "open"]);
  });
}

test("1013 waits between half of maxDelay and all of it", () => {
  const waits = [];
  client({ reconnect: { initialDelay: 100, maxDelay: 1000 } });
  for (const r of [0, 0.5, 0.999999]) {
    Math.random = () => r;
    sockets.at(-1).open();
    sockets.at(-1).serverClose(1013);
    waits.push(Math.round(fireNext()));
  }
  assert.deepEqual(waits, [1000, 750, 500]);
});

test("the client's own close never retries", async () => {
  const events = [];
  const c = client({ reconnect: true }, events);
  sockets[0].open();
  await c.close(1000, "bye");
  assert.equal(sockets[0].closedWith, 1000);
  assert.deepEqual(events, ["open", "close 1000 end"]);
  assert.equal(pending().length, 0);
});

test("a close while waiting to retry stops retrying", async () => {
  const c = client({ reconnect: true });
  sockets[0].refused();
  assert.equal(pending().length, 1);
  await c.close();
  await assert.rejects(c.opened);
  assert.equal(pending().length, 0);
});

test("maxAttempts failed attempts in a row end it", async () => {
  const c = client({ reconnect: { maxAttempts: 2 } });
  sockets[0].refused();
  fireNext();
  sockets[1].refused();
  fireNext();
  sockets[2].refused();
  await assert.rejects(c.opened);
  assert.equal(sockets.length, 3);
  assert.equal(pending().length, 0);
});

test("a server silent past serverTimeout is given up and connected again", () => {
  const events = [];
  client({ reconnect: { initialDelay: 100, maxDelay: 1000 }, serverTimeout: 5000 }, events);
  sockets[0].open();
  assert.deepEqual(pending().map((t) => t.ms), [5000]);
  sockets[0].message({ action: "streaming", payload: "x" });
  // Each message restarts the wait.
  assert.deepEqual(pending().map((t) => t.ms), [5000]);
  assert.equal(fireNext(), 5000);
  assert.equal(sockets[0].closedWith, 1005);
  assert.deepEqual(events, ["open", "close 1006 again"]);
  assert.equal(fireNext(), 50);
  sockets[1].open();
  assert.deepEqual(events, ["open", "close 1006 again", "open"]);
});

test("without serverTimeout a quiet server is kept", () => {
  client({ reconnect: true });
  sockets[0].open();
  assert.equal(pending().length, 0);
});
