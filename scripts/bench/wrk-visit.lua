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
delay = think_delay
function done(summary, latency, requests) report(summary, latency) end
