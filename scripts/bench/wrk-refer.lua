-- POST /api/v1/courses/{id}/enrolments for distinct (course, client) pairs read from BENCH_PAIRS.
package.path = package.path .. ";scripts/bench/?.lua"
require "wrk-report"
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end
function init(args)
  pairs_list = {}
  local n = 0
  for line in io.lines(os.getenv("BENCH_PAIRS")) do
    n = n + 1
    -- Threads take interleaved lines so no pair is sent twice.
    if (n % tonumber(os.getenv("BENCH_THREADS"))) == (index - 1) then table.insert(pairs_list, line) end
  end
  cursor = 0
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  cursor = cursor + 1
  local line = pairs_list[cursor] or pairs_list[#pairs_list]
  local course, client = line:match("(%S+) (%S+)")
  return wrk.format(nil, "/api/v1/courses/" .. course .. "/enrolments", nil, '{"clientId":"' .. client .. '"}')
end
function done(summary, latency, requests) report(summary, latency) end
