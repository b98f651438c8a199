// The tutorial's chat page, on the JavaScript client generated from the same document as the
// server: one client per room, typed sends and handlers, ping as a request answered by ref.
import { connectChat } from "./chanx-chat.js";

const $ = (id) => document.getElementById(id);
let chat = null;

function show(text, cls, name) {
  const li = document.createElement("li");
  if (cls) li.className = cls;
  if (name) {
    const who = document.createElement("span");
    who.className = "name";
    who.textContent = name + ": ";
    li.appendChild(who);
  }
  li.appendChild(document.createTextNode(text));
  $("messages").appendChild(li);
  $("messages").scrollTop = $("messages").scrollHeight;
}

function setConnected(connected, status) {
  $("message").disabled = !connected;
  $("send-button").disabled = !connected;
  $("status").textContent = status;
  document.body.dataset.connected = connected ? "true" : "false";
  if (connected) $("message").focus();
}

// Who is in the room now: member id -> data ({name}), kept from the presence frames.
const present = new Map();

function showPresent() {
  const list = $("present");
  list.replaceChildren(...[...present.values()].map((member) => {
    const li = document.createElement("li");
    li.textContent = member.name;
    return li;
  }));
  $("present-count").textContent = String(present.size);
}

function describe(error) {
  return error.kind === "detail" ? error.detail : error.errors.map((e) => e.msg).join("; ");
}

// The round trip of a ping, answered by the server with a pong carrying the ping's ref.
async function measure(client, room) {
  const started = performance.now();
  await client.requestPingMessage();
  if (chat === client) {
    $("status").textContent = `Connected to ${room}. Round trip ${Math.round(performance.now() - started)} ms.`;
  }
}

$("join").addEventListener("submit", (event) => {
  event.preventDefault();
  if (chat) chat.close(1000, "joining another room");
  const room = $("room").value.trim();
  const me = $("name").value.trim();
  // tag::connect[]
  const client = connectChat({ path: { group_name: room }, query: me ? { name: me } : {}, reconnect: true }, {
    onOpen() {
      if (chat !== client) return;
      setConnected(true, `Connected to ${room}.`);
      show(`You joined ${room}.`, "system");
      measure(client, room).catch((e) => show(`Ping failed: ${e.message}`, "system"));
    },
    onClose({ reconnecting }) {
      if (chat !== client) return;
      setConnected(false, reconnecting ? "Reconnecting..." : "Not connected.");
      present.clear();
      showPresent();
      show(reconnecting ? "Disconnected; reconnecting." : "Disconnected.", "system");
    },
    onNewChatMessage({ payload }) {
      show(payload.message, null, payload.name);
    },
    // Who is in the room: the full list once, then who came and who went, batched.
    onPresenceState({ payload }) {
      if (chat !== client) return;
      present.clear();
      for (const member of payload.members) present.set(member.id, member.data);
      showPresent();
    },
    onPresenceJoin({ payload }) {
      if (chat !== client) return;
      for (const member of payload.members) present.set(member.id, member.data);
      showPresent();
    },
    onPresenceLeave({ payload }) {
      if (chat !== client) return;
      for (const member of payload.members) present.delete(member.id);
      showPresent();
    },
    onError(error) {
      show(`Error: ${describe(error)}`, "system");
    },
  });
  // end::connect[]
  chat = client;
  client.opened.catch(() => {
    if (chat === client) setConnected(false, `Could not connect to ${room}.`);
  });
});

$("send").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("message").value;
  if (!text || !chat || !chat.isOpen) return;
  const name = $("name").value.trim() || "Anonymous";
  // tag::send[]
  chat.sendNewChatMessage({ payload: { message: text, name } });
  // end::send[]
  show(text, "me", name);
  $("message").value = "";
});
