#include "tests/gateways/support/fake_client.hpp"

#include <algorithm>

#include "domain/report.hpp"

namespace gridcoord::testing {

using domain::errc;

namespace {

const domain::issued_token& test_admin() {
  static const auto t = domain::generate_token(domain::role{domain::role_kind::admin}, "test admin",
                                               "bootstrap", fake_client::fixed_time);
  return t;
}

}  // namespace

const std::string& fake_client::admin_token() { return test_admin().token; }

fake_client::fake_client() : worker_([this] { work(); }) {
  ignore_error(tokens_.apply_event(domain::token_created_type, fixed_time,
                                   domain::encode_created(test_admin().record)),
               "a freshly generated record");
}

domain::expected<domain::principal> fake_client::authenticate(std::string_view bearer) const {
  std::lock_guard lock(mutex_);
  return tokens_.verify(bearer, now_);
}

domain::time_point fake_client::now() const {
  std::lock_guard lock(mutex_);
  return now_;
}

void fake_client::set_now(domain::time_point t) {
  std::lock_guard lock(mutex_);
  now_ = t;
}

void fake_client::create_token(actors::token_request r, actors::reply<domain::issued_token> done) {
  std::lock_guard lock(mutex_);
  auto granted = domain::parse_role(r.role);
  if (!granted)
    return later([done] { done(domain::fail(domain::errc::validation_failed, "unknown role")); });
  auto t = domain::generate_token(*granted, std::move(r.description), std::move(r.by), fixed_time, r.expires_at);
  ignore_error(tokens_.apply_event(domain::token_created_type, fixed_time, domain::encode_created(t.record)),
               "a freshly generated record");
  later([done, t] { done(t); });
}

void fake_client::revoke_token(std::string id, std::string by, std::string /*origin*/,
                               actors::reply<domain::token_record> done) {
  std::lock_guard lock(mutex_);
  if (!tokens_.find(id))
    return later([done] { done(domain::fail(domain::errc::not_found, "no such token")); });
  ignore_error(tokens_.apply_event(domain::token_revoked_type, fixed_time, domain::encode_revoked(id, by)),
               "a known token");
  later([done, r = *tokens_.find(id)] { done(r); });
}

void fake_client::list_tokens(actors::reply<std::vector<domain::token_record>> done) {
  std::lock_guard lock(mutex_);
  later([done, l = tokens_.list()] { done(l); });
}

void fake_client::run_batch(actors::batch_submission batch, actors::reply<actors::batch_receipt> done) {
  std::lock_guard lock(mutex_);
  if (auto failure = take_failure()) return later([done, e = *failure] { done(unexpected{e}); });
  actors::batch_receipt r;
  r.accepted_at = fixed_time;
  for (const auto& op : batch.operations) {
    actors::batch_outcome o;
    o.kind = op.kind;
    o.seq = r.results.size() + 1;
    o.report.stream = domain::report_stream(op.report.sender, op.report.kind, op.report.period);
    o.report.version = 1;
    o.report.seq = o.seq;
    o.item.id = op.item;
    o.token.record.id = "tk_fake";
    o.token.token = "gct_fake";
    o.revoked.id = op.token_id;
    r.results.push_back(std::move(o));
  }
  r.first_seq = 1;
  r.last_seq = r.results.size();
  batches_.push_back(std::move(batch));
  later([done, r] { done(r); });
}

std::vector<actors::batch_submission> fake_client::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

fake_client::~fake_client() {
  release();
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

void fake_client::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    cv_.wait(lock, [&] { return done_ || !queue_.empty(); });
    if (queue_.empty()) return;
    auto task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
}

// REQUIRES: mutex_ held.
void fake_client::later(std::function<void()> task) {
  if (holding_) {
    parked_.push_back(std::move(task));
  } else {
    queue_.push_back(std::move(task));
  }
  cv_.notify_all();
}

// REQUIRES: mutex_ held.
std::optional<domain::error> fake_client::take_failure() {
  auto f = std::move(next_failure_);
  next_failure_.reset();
  return f;
}

void fake_client::submit_report(actors::report_submission s, actors::reply<actors::submit_receipt> done) {
  std::lock_guard lock(mutex_);
  submissions_.push_back(s);
  if (auto f = take_failure()) return later([done, e = *f] { done(gridcoord::unexpected{e}); });
  if (!s.idempotency_key.empty() && by_key_.count(s.idempotency_key)) {
    if (key_hash_[s.idempotency_key] != s.request_hash)
      return later([done] { done(domain::fail(errc::conflict, "idempotency key reused with another body")); });
    auto receipt = by_key_[s.idempotency_key];
    return later([done, receipt] { done(receipt); });
  }
  const auto* kind = domain::find_report_kind(s.kind);
  auto stream = domain::report_stream(s.sender, s.kind, s.period);
  auto& docs = reports_[stream];
  domain::report_version v{s.sender, s.kind, s.period, static_cast<std::uint32_t>(docs.size() + 1),
                           kind->recipients, s.submitted_by, s.rows.size(), s.rows};
  std::uint64_t seq = ++seq_;
  domain::version_entry entry{v.version, seq, fixed_time, s.submitted_by, s.rows.size()};
  docs.push_back({seq, fixed_time, domain::encode(v), {}});
  versions_[stream].push_back(entry);
  actors::submit_receipt receipt{stream, v.version, seq, kind->recipients, fixed_time, false};
  if (!s.idempotency_key.empty()) {
    by_key_[s.idempotency_key] = receipt;
    by_key_[s.idempotency_key].replayed = true;
    key_hash_[s.idempotency_key] = s.request_hash;
  }
  later([done, receipt] { done(receipt); });
}

void fake_client::get_report(domain::department sender, std::string kind, domain::month period,
                             std::optional<std::uint32_t> version,
                             actors::reply<actors::report_document> done) {
  std::lock_guard lock(mutex_);
  if (auto f = take_failure()) return later([done, e = *f] { done(gridcoord::unexpected{e}); });
  auto it = reports_.find(domain::report_stream(sender, kind, period));
  if (it == reports_.end() || (version && (*version == 0 || *version > it->second.size())))
    return later([done] { done(domain::fail(errc::not_found, "no such report version")); });
  auto doc = version ? it->second[*version - 1] : it->second.back();
  doc.versions = versions_[it->first];  // every version, oldest first
  later([done, doc] { done(doc); });
}

void fake_client::inbox(domain::department recipient, domain::inbox_filter filter,
                        actors::reply<domain::inbox_page> done) {
  std::lock_guard lock(mutex_);
  if (auto f = take_failure()) return later([done, e = *f] { done(gridcoord::unexpected{e}); });
  const auto& items = inboxes_[recipient];
  auto page = domain::select(items, filter);
  page.open = static_cast<std::uint64_t>(std::count_if(items.begin(), items.end(), [](const auto& i) { return !i.ack; }));
  later([done, page] { done(page); });
}

void fake_client::acknowledge(domain::department recipient, domain::item_id item, std::string by,
                              std::string /*origin*/, actors::reply<domain::inbox_item> done) {
  std::lock_guard lock(mutex_);
  if (auto f = take_failure()) return later([done, e = *f] { done(gridcoord::unexpected{e}); });
  for (auto& i : inboxes_[recipient]) {
    if (i.id != item) continue;
    if (!i.ack) i.ack = domain::acknowledgement{by, fixed_time + std::chrono::minutes{5}};
    return later([done, copy = i] { done(copy); });
  }
  later([done] { done(domain::fail(errc::not_found, "no such inbox item")); });
}

void fake_client::events(std::uint64_t after, std::size_t limit,
                         actors::reply<std::vector<actors::event_view>> done) {
  std::lock_guard lock(mutex_);
  last_events_query_ = {after, limit};
  ++events_calls_;
  if (auto f = take_failure()) return later([done, e = *f] { done(gridcoord::unexpected{e}); });
  std::vector<actors::event_view> page;
  for (const auto& e : events_)
    if (e.seq > after && page.size() < limit) page.push_back(e);
  later([done, page] { done(page); });
}

void fake_client::health(actors::reply<actors::health_report> done) {
  std::lock_guard lock(mutex_);
  if (auto f = take_failure()) return later([done, e = *f] { done(gridcoord::unexpected{e}); });
  later([done, h = health_] { done(h); });
}

void fake_client::cycle(domain::month period, actors::reply<domain::cycle_matrix> done) {
  std::lock_guard lock(mutex_);
  last_cycle_month_ = period;
  if (auto f = take_failure()) return later([done, e = *f] { done(gridcoord::unexpected{e}); });
  later([done, m = cycle_] { done(m); });
}

void fake_client::set_cycle(domain::cycle_matrix m) {
  std::lock_guard lock(mutex_);
  cycle_ = std::move(m);
}

std::optional<domain::month> fake_client::last_cycle_month() const {
  std::lock_guard lock(mutex_);
  return last_cycle_month_;
}

std::vector<actors::report_submission> fake_client::submissions() const {
  std::lock_guard lock(mutex_);
  return submissions_;
}

void fake_client::add_inbox_item(domain::department recipient, domain::inbox_item item) {
  std::lock_guard lock(mutex_);
  inboxes_[recipient].push_back(std::move(item));
}

void fake_client::add_event(actors::event_view e) {
  std::vector<std::function<void()>> woken;
  {
    std::lock_guard lock(mutex_);
    auto seq = e.seq;
    events_.push_back(std::move(e));
    for (auto it = waits_.begin(); it != waits_.end();) {
      if (it->second.first < seq) {
        woken.push_back(std::move(it->second.second));
        it = waits_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& then : woken) then();
}

std::uint64_t fake_client::when_events_after(std::uint64_t after, std::function<void()> then) {
  {
    std::lock_guard lock(mutex_);
    bool there = std::any_of(events_.begin(), events_.end(), [after](const auto& e) { return e.seq > after; });
    if (!there) {
      auto id = next_wait_++;
      waits_.emplace(id, std::pair{after, std::move(then)});
      return id;
    }
  }
  then();
  return 0;
}

void fake_client::cancel_wait(std::uint64_t id) {
  std::function<void()> dropped;  // destroyed outside the lock
  std::lock_guard lock(mutex_);
  if (auto it = waits_.find(id); it != waits_.end()) {
    dropped = std::move(it->second.second);
    waits_.erase(it);
  }
}

std::size_t fake_client::events_calls() const {
  std::lock_guard lock(mutex_);
  return events_calls_;
}

std::size_t fake_client::waits() const {
  std::lock_guard lock(mutex_);
  return waits_.size();
}

void fake_client::set_health(actors::health_report h) {
  std::lock_guard lock(mutex_);
  health_ = std::move(h);
}

void fake_client::fail_next_call(domain::error e) {
  std::lock_guard lock(mutex_);
  next_failure_ = std::move(e);
}

std::pair<std::uint64_t, std::size_t> fake_client::last_events_query() const {
  std::lock_guard lock(mutex_);
  return last_events_query_;
}

void fake_client::hold() {
  std::lock_guard lock(mutex_);
  holding_ = true;
}

void fake_client::wait_until_held(std::size_t calls) {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return parked_.size() >= calls; });
}

void fake_client::release() {
  std::lock_guard lock(mutex_);
  holding_ = false;
  for (auto& t : parked_) queue_.push_back(std::move(t));
  parked_.clear();
  cv_.notify_all();
}

void fake_client::audit(actors::audit_query query, actors::reply<actors::audit_page> done) {
  std::lock_guard lock(mutex_);
  actors::audit_page page;
  for (const auto& e : events_)
    if (e.seq > query.after && (query.actor.empty() || e.actor == query.actor) &&
        page.events.size() < query.limit)
      page.events.push_back(e);
  page.next_after = page.events.empty() ? query.after : page.events.back().seq;
  page.end = true;
  later([done, page] { done(page); });
}

}  // namespace gridcoord::testing
