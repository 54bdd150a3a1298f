-- One delegated order per request, each with a transaction ID no other request of the run uses.
-- wrk ... -s ingest.lua URL -- <api key> <transaction ID prefix>
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  key = args[1]
  prefix = args[2]
  n = 0
end

function request()
  n = n + 1
  local id = prefix .. "-" .. tid .. "-" .. n
  local body = '{"transactionId":"' .. id .. '","delivery":"delegated","customer":{"email":"' .. id
      .. '@bench.example","name":"Bench Customer"}}'
  return wrk.format("POST", "/v1/orders", {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end

-- One line the benchmark parses: requests/s, non-2xx answers, socket errors, p99 latency in ms.
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH %.2f %d %d %.3f\n", summary.requests / (summary.duration / 1e6),
      summary.errors.status, errors, latency:percentile(99) / 1000))
end
