// The Chanx tutorial chat on Node's `ws`, with its defaults (the server does not accept
// permessage-deflate unless told to): rooms from /ws/chat/{room}/, new_chat_message broadcast to
// the room except the sender, ping answered with pong. Usage: node server.js [port]
'use strict';
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 8000);
const rooms = new Map();
const PONG = '{"action":"pong","payload":null}';
const ROUTE = /^\/ws\/chat\/([^/?]+)\/(\?.*)?$/;

const wss = new WebSocketServer({ host: '127.0.0.1', port });

wss.on('connection', (ws, request) => {
  const match = ROUTE.exec(request.url);
  if (!match) {
    ws.close(1008, 'unknown route');
    return;
  }
  const name = decodeURIComponent(match[1]);
  let room = rooms.get(name);
  if (!room) {
    room = new Set();
    rooms.set(name, room);
  }
  room.add(ws);

  ws.on('message', (data, isBinary) => {
    let frame;
    try {
      frame = JSON.parse(isBinary ? '' : data.toString());
    } catch (e) {
      ws.send(JSON.stringify({ action: 'error', payload: [{ type: 'json_invalid', loc: [], msg: 'Invalid JSON' }] }));
      return;
    }
    if (frame && frame.action === 'new_chat_message') {
      const out = JSON.stringify(frame);
      for (const peer of room) {
        if (peer !== ws && peer.readyState === 1) {
          peer.send(out);
        }
      }
    } else if (frame && frame.action === 'ping') {
      ws.send(PONG);
    }
  });

  ws.on('close', () => {
    room.delete(ws);
    if (room.size === 0 && rooms.get(name) === room) {
      rooms.delete(name);
    }
  });
});

wss.on('listening', () => console.log(`ws chat listening on 127.0.0.1:${port}`));
