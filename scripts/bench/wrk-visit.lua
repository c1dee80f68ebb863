-- POST /api/v1/visits with an adviser's bearer token and the visit in BENCH_BODY (one line of JSON).
package.path = package.path .. ";scripts/bench/?.lua"
require "wrk-report"
function init(args)
  local file = io.open(os.getenv("BENCH_BODY"))
  wrk.body = file:read("*l")
  file:close()
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
end
-- With BENCH_THINK_MS set each connection is an adviser who pauses between visits (0.5–1.5 × that).
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")
function delay()
  if think <= 0 then return 0 end
  return math.floor(think / 2 + math.random() * think)
end
function done(summary, latency, requests) report(summary, latency) end
