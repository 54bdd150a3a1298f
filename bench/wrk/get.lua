-- A plain GET of the URL given to wrk; only adds the summary line the benchmark parses.
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH %.2f %d %d %.3f\n", summary.requests / (summary.duration / 1e6),
      summary.errors.status, errors, latency:percentile(99) / 1000))
end
