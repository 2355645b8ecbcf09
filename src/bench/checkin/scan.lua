-- wrk script for POST /api/v1/checkins: each request sends the next badge code of codes.txt (one code
-- a line, written by CheckinHttpSeed) with a fresh nonce, so every request is a first scan (verify +
-- record) until the codes run out; then codes come round again and the scans are duplicates
-- (already_checked_in), also a full path. Each wrk thread takes every n-th code from START on.
local codes = {}
for line in io.lines(os.getenv("CODES") or "/tmp/checkin-bench/codes.txt") do codes[#codes + 1] = line end
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  step = tonumber(os.getenv("THREADS") or "4")
  -- START: codes already used by earlier runs (wrk.sh adds up their requests), so runs stay first scans
  i = (tonumber(os.getenv("START") or "0") % #codes) + id - step
  n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  local auth, cookie = os.getenv("AUTH_HEADER") or "", os.getenv("COOKIE") or ""
  if auth ~= "" then wrk.headers["Authorization"] = auth end
  if cookie ~= "" then wrk.headers["Cookie"] = cookie end
end

function request()
  i = i + step
  if i > #codes then i = id end
  n = n + 1
  local body = '{"code":"' .. codes[i] .. '","list":"entrance:2026-07-08","mode":"entry","nonce":"wrk' .. id .. '-'
      .. n .. '-' .. os.time() .. '"}'
  return wrk.format(nil, "/api/v1/checkins", nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f req_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
