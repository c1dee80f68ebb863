-- GET the paths listed in BENCH_PATHS in turn (each thread starts at its own offset), signed in
-- with the session cookie in BENCH_COOKIE. Each connection is one user who, with BENCH_THINK_MS set,
-- pauses between pages (uniformly 0.5–1.5 × that) as a person does; wrk's latencies exclude the pause.
package.path = package.path .. ";scripts/bench/?.lua"
require "wrk-report"
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
end
function init(args)
  paths = {}
  for line in io.lines(os.getenv("BENCH_PATHS")) do table.insert(paths, line) end
  cursor = (index or 1) * 7919
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
end
function request()
  cursor = cursor + 1
  return wrk.format("GET", paths[(cursor % #paths) + 1])
end
delay = think_delay
function done(summary, latency, requests) report(summary, latency) end
