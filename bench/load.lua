-- wrk script for bench/load.sh: rotates over the read endpoints of `rasad serve` and reports requests/s,
-- latency percentiles and every error (non-2xx answers and socket errors). The event ids and actor codes to
-- ask for come from the file named by RASAD_LOAD_IDS: lines "event <id>" and "actor <code>".

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local events, actors = {}, {}
  local file = io.open(os.getenv("RASAD_LOAD_IDS") or "", "r")
  if file then
    for line in file:lines() do
      local kind, value = line:match("^(%a+) (%S+)$")
      if kind == "event" then table.insert(events, value) end
      if kind == "actor" then table.insert(actors, value) end
    end
    file:close()
  end
  if #events == 0 then events = {"1"} end
  if #actors == 0 then actors = {"IRQ"} end
  paths = {}
  for i = 1, 50 do
    local actor = actors[(i % #actors) + 1]
    local event = events[(i * 7 % #events) + 1]
    table.insert(paths, "/v1/events?limit=50")
    table.insert(paths, "/v1/events?actor=" .. actor .. "&limit=20")
    table.insert(paths, "/v1/events?root=04&since=2018&until=2018-12&limit=20")
    table.insert(paths, "/v1/events?quad=4&all=1&limit=20")
    table.insert(paths, "/v1/series?by=month")
    table.insert(paths, "/v1/series?by=week&actor=" .. actor)
    table.insert(paths, "/v1/top?what=actors&limit=10")
    table.insert(paths, "/v1/top?what=codes&limit=10")
    table.insert(paths, "/v1/actors?q=" .. actor:sub(1, 2))
    table.insert(paths, "/v1/events/" .. event)
    table.insert(paths, "/healthz")
  end
  counter = 0
  non2xx = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + (thread:get("non2xx") or 0) end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests      %d in %.1f s: %.0f requests/s\n", summary.requests, seconds,
                         summary.requests / seconds))
  io.write(string.format("latency       p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                         latency:percentile(50) / 1000, latency:percentile(90) / 1000,
                         latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors        non-2xx %d; socket: connect %d, read %d, write %d, timeout %d\n", bad,
                         e.connect, e.read, e.write, e.timeout))
  local total = bad + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %s\n", total == 0 and "no errors" or (total .. " errors")))
end
