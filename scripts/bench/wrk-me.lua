-- GET /api/v1/me with a bearer token: the cheapest authenticated call.
package.path = package.path .. ";scripts/bench/?.lua"
require "wrk-report"
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
function done(summary, latency, requests) report(summary, latency) end
