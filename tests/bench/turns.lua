-- Varied turns over many conversations: questions, triage answers, small talk. Every fourth
-- message is free text no one typed before (a number in it), so the parse cache cannot hide
-- the cost of understanding a new sentence.
local messages = {
  "what causes calcinosis", "is it cancer?", "how is calcinosis treated", "tell me more",
  "hello", "thanks", "i have a hard lump on my finger", "/affirm", "/deny", "/unsure",
  "can lupus cause calcium deposits", "where does calcinosis occur", "what are the deposits made of",
  "should i see a doctor", "how do i treat the flu", "where does this come from?",
}
local fresh = {
  "i have had a hard lump on my elbow for %d days",
  "my mum is %d and has scleroderma, can she get calcium deposits",
  "is calcinosis common after %d years of lupus",
  "the bump on my finger has been sore for %d weeks, what is it",
}
local conversations = tonumber(os.getenv("BENCH_CONVERSATIONS") or "500")
-- every Nth message is new text; 0: none is (every text is one the parse cache may hold)
local fresh_every = tonumber(os.getenv("BENCH_FRESH_EVERY") or "4")
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  local sender = string.format("bench-%d-%d", thread_id, counter % conversations)
  local message
  if fresh_every > 0 and counter % fresh_every == 0 then
    message = string.format(fresh[math.floor(counter / fresh_every) % #fresh + 1], counter)
  else
    message = messages[(counter % #messages) + 1]
  end
  local body = string.format('{"sender": "%s", "message": "%s"}', sender, message)
  return wrk.format("POST", "/webhooks/rest/webhook", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'JSON {"requests": %d, "seconds": %.3f, "errors": %d, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f}\n',
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
