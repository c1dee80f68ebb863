-- Shared by the wrk scripts: prints one JSON line with throughput and latency percentiles.
function report(summary, latency)
  local seconds = summary.duration / 1e6
  local non2xx = summary.errors.status
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f,"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non2xx, socket))
end

-- With BENCH_THINK_MS set, each connection is a person who pauses between requests (uniformly
-- 0.5–1.5 × that); wrk's latencies exclude the pause. A script assigns `delay = think_delay`.
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")
function think_delay()
  if think <= 0 then return 0 end
  return math.floor(think / 2 + math.random() * think)
end
