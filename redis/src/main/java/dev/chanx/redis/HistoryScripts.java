package dev.chanx.redis;

/**
 * The Lua scripts of recoverable groups. Each runs atomically in Redis, so a frame's offset, its
 * entry in the group's stream and its publication are one step: every node sees a group's frames
 * in the order of their offsets, and a frame published is a frame a client can recover.
 */
final class HistoryScripts {

  private HistoryScripts() {}

  /**
   * Appends a frame to the history of each group and publishes it on each group's channel. An
   * entry's id is its offset and Redis's time in ms ({@code <offset>-<ms>}: offsets go up by one,
   * so ids go up whatever the clock does), its one field {@code f} the frame: the time costs no
   * field of its own, to store, to send or to decode.
   *
   * <p>KEYS: per group, its meta hash then its stream. ARGV: 1 the frame without its closing
   * brace; 2 a frame to publish right after to the same groups, or empty; 3 an epoch for a group
   * that has none; 4 how long a meta hash lives, in ms; 5 the sending node's field in the first
   * group's meta hash; 6 the send's number on that node; then per group five values: its name as
   * a JSON string, its channel, the message prefix, its size, its window in ms. Returns the frame,
   * or false for a send already done: a node sends again what Redis did not answer, and numbers
   * its sends in order, so a repeat is recognised and done once.
   */
  static final String APPEND = """
      local n = #KEYS / 2
      local done = redis.call('HGET', KEYS[1], ARGV[5])
      if done and tonumber(done) >= tonumber(ARGV[6]) then
        return false
      end
      local offsets = {}
      local parts = {}
      for i = 1, n do
        local meta = KEYS[2 * i - 1]
        local epoch = redis.call('HGET', meta, 'epoch')
        if not epoch then
          epoch = ARGV[3]
          redis.call('DEL', KEYS[2 * i])
          redis.call('HSET', meta, 'epoch', epoch, 'offset', 0)
        end
        local offset = redis.call('HINCRBY', meta, 'offset', 1)
        offsets[i] = offset
        parts[i] = ARGV[6 + (i - 1) * 5 + 1] .. ':{"epoch":"' .. epoch .. '","offset":' .. offset .. '}'
      end
      local frame = ARGV[1] .. ',"pos":{' .. table.concat(parts, ',') .. '}}'
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      for i = 1, n do
        local base = 6 + (i - 1) * 5
        redis.call('XADD', KEYS[2 * i], 'MAXLEN', ARGV[base + 4], offsets[i] .. '-' .. now, 'f', frame)
        redis.call('PEXPIRE', KEYS[2 * i], ARGV[base + 5])
        redis.call('PEXPIRE', KEYS[2 * i - 1], ARGV[4])
        redis.call('PUBLISH', ARGV[base + 2], ARGV[base + 3] .. frame)
        if ARGV[2] ~= '' then
          redis.call('PUBLISH', ARGV[base + 2], ARGV[base + 3] .. ARGV[2])
        end
      end
      redis.call('HSET', KEYS[1], ARGV[5], ARGV[6])
      return frame
      """;

  /**
   * Reads a group's epoch, last offset and the frames after an offset that are still within the
   * window (by the time in their ids), as stored: one flat reply, no entry ids or field names for
   * the node to decode.
   * {@link RedisHistory#read} decides the same from plain commands, which cost less than copying
   * the entries into Lua and out; this script serves it when the group has no epoch yet (it makes
   * one, atomically) and when the epoch changed during those commands.
   *
   * <p>KEYS: the meta hash, the stream. ARGV: 1 an epoch for a group that has none; 2 how long a
   * meta hash lives, in ms; 3 the offset after which to read, or -1 for none; 4 the epoch the
   * offset is in; 5 how many entries at most; 6 the window in ms. Returns {epoch, head, the offset
   * of the first frame returned (0 for none), the frames...}: their offsets follow one another,
   * as a group's offsets go up by one and its stream loses only its oldest entries (to its size or
   * its window: the entries older than the window are skipped here, even if not yet trimmed).
   */
  static final String READ = """
      local epoch = redis.call('HGET', KEYS[1], 'epoch')
      if not epoch then
        epoch = ARGV[1]
        redis.call('DEL', KEYS[2])
        redis.call('HSET', KEYS[1], 'epoch', epoch, 'offset', 0)
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
      end
      local head = tonumber(redis.call('HGET', KEYS[1], 'offset'))
      local after = tonumber(ARGV[3])
      local out = {epoch, head, 0}
      if after >= 0 and ARGV[4] == epoch and after < head then
        local entries = redis.call('XRANGE', KEYS[2], (after + 1) .. '-0', '+', 'COUNT', ARGV[5])
        local time = redis.call('TIME')
        local oldest = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) - tonumber(ARGV[6])
        for i = 1, #entries do
          local fields = entries[i][2]
          local frame
          for j = 1, #fields - 1, 2 do
            if fields[j] == 'f' then
              frame = fields[j + 1]
            end
          end
          if not frame then
            break
          end
          if out[3] == 0 then
            local offset, sent = string.match(entries[i][1], '^(%d+)%-(%d+)$')
            if tonumber(sent) >= oldest then
              out[3] = tonumber(offset)
              out[4] = frame
            end
          else
            out[#out + 1] = frame
          end
        end
      end
      return out
      """;
}
