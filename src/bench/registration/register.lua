-- wrk script for POST /api/v1/events/{slug}/registrations (run by run.sh): every request registers a new
-- person (unique e-mail and Idempotency-Key per thread and request) choosing one of SESSIONS at random,
-- as the former Java load generator did, at a fraction of its CPU (wrk, the service and PostgreSQL
-- share the machine). Prints the answers by HTTP status and the registrations created (201) per second.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  created = 0
  refused = 0
  other = 0
  run = os.getenv("RUN") or tostring(os.time())
  org = os.getenv("ORG")
  sessions = {}
  for s in string.gmatch(os.getenv("SESSIONS") or "", "%d+") do sessions[#sessions + 1] = s end
  math.randomseed(os.time() + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  n = n + 1
  local key = run .. "-" .. id .. "-" .. n
  local body = '{"firstName":"Bench","lastName":"Client ' .. key .. '","email":"bench-' .. key
      .. '@example.org","organisationId":' .. org .. ',"participantType":"OFFICER","consent":true,"sessionIds":['
      .. sessions[math.random(#sessions)] .. ']}'
  wrk.headers["Idempotency-Key"] = key
  return wrk.format(nil, "/api/v1/events/" .. os.getenv("SLUG") .. "/registrations", nil, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 409 then refused = refused + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local c, r, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); r = r + t:get("refused"); o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d duration_s=%.1f created=%d created_per_s=%.0f refused_409=%d other=%d "
      .. "p50_ms=%.1f p99_ms=%.1f max_ms=%.1f socket_errors=%d\n", summary.requests, seconds, c, c / seconds, r, o,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
