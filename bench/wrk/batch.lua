-- 500 delegated orders per request (POST /v1/orders/batch), every transaction ID new.
-- wrk ... -s batch.lua URL -- <api key> <transaction ID prefix>
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
  local orders = {}
  for i = 1, 500 do
    n = n + 1
    local id = prefix .. "-" .. tid .. "-" .. n
    orders[i] = '{"transactionId":"' .. id .. '","delivery":"delegated","customer":{"email":"' .. id
        .. '@bench.example","name":"Bench Customer"}}'
  end
  local body = '{"orders":[' .. table.concat(orders, ",") .. ']}'
  return wrk.format("POST", "/v1/orders/batch", {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH %.2f %d %d %.3f\n", summary.requests / (summary.duration / 1e6),
      summary.errors.status, errors, latency:percentile(99) / 1000))
end
