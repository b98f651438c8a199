// The tutorial's chat page: one socket per room, frames as in the Chanx wire protocol.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let socket = null;

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

  function setConnected(connected, room) {
    $("message").disabled = !connected;
    $("send-button").disabled = !connected;
    $("status").textContent = connected ? "Connected to " + room + "." : "Not connected.";
    document.body.dataset.connected = connected ? "true" : "false";
    if (connected) $("message").focus();
  }

  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    if (socket) socket.close(1000, "joining another room");
    const room = $("room").value.trim();
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const ws = new WebSocket(scheme + location.host + "/ws/chat/" + encodeURIComponent(room) + "/");
    socket = ws;
    ws.addEventListener("open", () => {
      setConnected(true, room);
      show("You joined " + room + ".", "system");
    });
    ws.addEventListener("close", () => {
      if (socket === ws) {
        setConnected(false);
        show("Disconnected.", "system");
      }
    });
    ws.addEventListener("message", (event) => {
      const frame = JSON.parse(event.data);
      if (frame.action === "new_chat_message") {
        show(frame.payload.message, null, frame.payload.name);
      } else if (frame.action === "error") {
        show("Error: " + JSON.stringify(frame.payload), "system");
      }
    });
  });

  $("send").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("message").value;
    if (!text || !socket || socket.readyState !== WebSocket.OPEN) return;
    const name = $("name").value.trim() || "Anonymous";
    socket.send(JSON.stringify({ action: "new_chat_message", payload: { message: text, name: name } }));
    show(text, "me", name);
    $("message").value = "";
  });
})();
