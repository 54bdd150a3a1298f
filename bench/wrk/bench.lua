-- The benchmark's one wrk script, with the summary line Bench parses.
--   wrk ... -s bench.lua URL                                  GET of URL
--   wrk ... -s bench.lua URL -- <api key> <prefix>            one delegated order per request (POST /v1/orders)
--   wrk ... -s bench.lua URL -- <api key> <prefix> <n>        n delegated orders per request (POST /v1/orders/batch)
-- Every order gets a transaction ID no other request of the run uses.
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  key = args[1]
  prefix = args[2]
  per_request = tonumber(args[3] or "1")
  n = 0
end

local function order()
  n = n + 1
  local id = prefix .. "-" .. tid .. "-" .. n
  return '{"transactionId":"' .. id .. '","delivery":"delegated","customer":{"email":"' .. id
      .. '@bench.example","name":"Bench Customer"}}'
end

function request()
  if key == nil then
    return wrk.request()
  end
  local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
  if per_request == 1 then
    return wrk.format("POST", "/v1/orders", headers, order())
  end
  local orders = {}
  for i = 1, per_request do
    orders[i] = order()
  end
  return wrk.format("POST", "/v1/orders/batch", headers, '{"orders":[' .. table.concat(orders, ",") .. ']}')
end

-- One line: requests/s, answers outside 2xx/3xx, socket errors, p99 latency in ms.
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH %.2f %d %d %.3f\n", summary.requests / (summary.duration / 1e6),
      summary.errors.status, errors, latency:percentile(99) / 1000))
end
