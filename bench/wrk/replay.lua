-- wrk script for bench/api.py: replays the requests listed in a file and counts the answers by status.
--
--   wrk -t2 -c32 -d15s -s bench/wrk/replay.lua http://127.0.0.1:8000 -- requests.tsv
--
-- Each line of the file is one request: METHOD <tab> PATH [<tab> BODY]. Headers common to every
-- request (Authorization, Content-Type) come from wrk's -H. Each thread starts at a different line and
-- cycles through the file. When the run ends, one line "WRK_RESULT {json}" is printed: requests,
-- duration, socket errors, latency percentiles (microseconds) and the count of every HTTP status seen,
-- so the caller never has to parse wrk's human-readable report.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  prepared = {}
  statuses = {}
  for line in io.lines(args[1]) do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    if method then
      table.insert(prepared, wrk.format(method, path, nil, body ~= "" and body or nil))
    end
  end
  assert(#prepared > 0, "no requests in " .. tostring(args[1]))
  -- Threads start far apart in the file, so two threads rarely send the same body at the same moment.
  position = (id * math.floor(#prepared / 7 + 1)) % #prepared + 1
end

function request()
  local next_request = prepared[position]
  position = position % #prepared + 1
  return next_request
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d, '
      .. '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    table.concat(parts, ", ")))
end
