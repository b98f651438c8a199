package dev.chanx.redis;

/**
 * The Lua scripts of {@link RedisPresence}: each runs atomically in Redis, so a member's connection
 * count and the join or leave it causes can never disagree, whichever nodes track it.
 *
 * <p>Keys, under {@code <ns>:p:}: {@code nodes} (sorted set: node, last heartbeat in ms),
 * {@code node:<node>} (set: {@code <scope>\n<connection>} the node tracks), {@code seq} (the event
 * counter of every scope), and per scope {@code c:<scope>} (hash: {@code <node>/<connection>} to
 * member key), {@code n:<scope>} (hash: member key to its connection count) and {@code m:<scope>}
 * (hash: member key to its data). Events go out on channel {@code <ns>:p} as JSON
 * {@code [seq, "j"|"l", scope, key, data]}.
 */
final class PresenceScripts {

  private PresenceScripts() {}

  // ARGV[1] is always the key prefix <ns>:p: and ARGV[2] the node.
  private static final String UNTRACK_FUNCTION = """
      local p = ARGV[1]
      local function untrack(node, scope, conn)
        local ckey = p .. 'c:' .. scope
        local field = node .. '/' .. conn
        local key = redis.call('HGET', ckey, field)
        redis.call('SREM', p .. 'node:' .. node, scope .. '\\n' .. conn)
        if not key then return 0 end
        redis.call('HDEL', ckey, field)
        local nkey = p .. 'n:' .. scope
        if redis.call('HINCRBY', nkey, key, -1) <= 0 then
          redis.call('HDEL', nkey, key)
          local mkey = p .. 'm:' .. scope
          local data = redis.call('HGET', mkey, key) or 'null'
          redis.call('HDEL', mkey, key)
          local seq = redis.call('INCR', p .. 'seq')
          redis.call('PUBLISH', string.sub(p, 1, -2), cjson.encode({seq, 'l', scope, key, data}))
        end
        return 1
      end
      local function forget(node)
        local set = p .. 'node:' .. node
        for _, entry in ipairs(redis.call('SMEMBERS', set)) do
          local cut = string.match(entry, '^.*()\\n')
          untrack(node, string.sub(entry, 1, cut - 1), string.sub(entry, cut + 1))
        end
        redis.call('DEL', set)
        redis.call('ZREM', p .. 'nodes', node)
      end
      """;

  /** ARGV: prefix, node, scope, connection, key, data. Returns -1 when the node is not registered (it was reaped). */
  static final String TRACK = UNTRACK_FUNCTION + """
      local scope, conn, key, data = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
      if not redis.call('ZSCORE', p .. 'nodes', ARGV[2]) then return -1 end
      if redis.call('HSETNX', p .. 'c:' .. scope, ARGV[2] .. '/' .. conn, key) == 0 then return 0 end
      redis.call('SADD', p .. 'node:' .. ARGV[2], scope .. '\\n' .. conn)
      if redis.call('HINCRBY', p .. 'n:' .. scope, key, 1) == 1 then
        redis.call('HSET', p .. 'm:' .. scope, key, data)
        local seq = redis.call('INCR', p .. 'seq')
        redis.call('PUBLISH', string.sub(p, 1, -2), cjson.encode({seq, 'j', scope, key, data}))
      end
      return 1
      """;

  /** ARGV: prefix, node, scope, connection. */
  static final String UNTRACK = UNTRACK_FUNCTION + """
      return untrack(ARGV[2], ARGV[3], ARGV[4])
      """;

  /**
   * ARGV: prefix, node, timeout in ms, 1 to register. Forgets every node silent for longer than
   * the timeout (this one too), its members leaving, then refreshes the node's heartbeat if it is
   * still registered (or registers it when asked). Returns 1 when the node is registered, 0 when
   * it had been forgotten.
   */
  static final String HEARTBEAT = UNTRACK_FUNCTION + """
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      -- Dead nodes first, this one included: a node silent too long is forgotten even if it is the
      -- one asking, so that it never carries on as if the others had not given up on it.
      for _, dead in ipairs(redis.call('ZRANGEBYSCORE', p .. 'nodes', '-inf', now - tonumber(ARGV[3]))) do
        forget(dead)
      end
      local alive = 0
      if ARGV[4] == '1' or redis.call('ZSCORE', p .. 'nodes', ARGV[2]) then
        redis.call('ZADD', p .. 'nodes', now, ARGV[2])
        alive = 1
      end
      return alive
      """;

  /** ARGV: prefix, node. Untracks every connection of the node and forgets it. */
  static final String FORGET = UNTRACK_FUNCTION + """
      forget(ARGV[2])
      return 1
      """;

  /**
   * ARGV: prefix, node (unused), scope. Returns {seq} for an empty scope, else {seq, members}:
   * members one JSON array {@code [key1, data1, key2, data2, ...]}, a single bulk string, so that
   * a large room costs the client one string to parse rather than a reply of 2n strings.
   */
  static final String STATE = """
      local p = ARGV[1]
      local seq = tonumber(redis.call('GET', p .. 'seq') or '0')
      local all = redis.call('HGETALL', p .. 'm:' .. ARGV[3])
      if #all == 0 then return {seq} end
      return {seq, cjson.encode(all)}
      """;
}
