#include "actors/batch_run.hpp"

#include <map>
#include <memory>
#include <optional>

#include <caf/all.hpp>
#include <fmt/format.h>

#include "actors/detail/receipt_codec.hpp"
#include "actors/error.hpp"
#include "domain/batch.hpp"

namespace gridcoord::actors {

namespace {

using domain::errc;

// Batch keys live beside single-request keys in the store; a newline cannot
// occur in a header value, so the prefix keeps the two apart.
std::string stored_key(const std::string& key) { return "batch\n" + key; }

// An actor that owns some of the batch's operations.
struct participant {
  std::optional<department_actor> department;
  std::optional<security_actor> security;
  batch_prepare order;

  template <class Message>
  void tell(coordinator_pointer self, Message m) const {
    if (department) self->send(*department, std::move(m));
    else self->send(*security, std::move(m));
  }
};

struct batch_run {
  std::uint64_t id = 0;
  std::string key;
  std::string request_hash;
  domain::time_point at{};
  std::size_t operations = 0;
  std::vector<std::optional<domain::report_version>> headers;  // by position: reports, rows left out
  std::vector<std::optional<domain::department>> acked_in;     // by position: acknowledgements
  std::vector<participant> participants;
  std::vector<prepared_operation> prepared;                    // by position
  std::size_t waiting = 0;
  caf::typed_response_promise<batch_receipt> promise;
};
using run_ptr = std::shared_ptr<batch_run>;

std::vector<domain::operation_failure> routing_failures(const batch_submission& b) {
  std::vector<domain::operation_failure> out;
  for (std::size_t i = 0; i < b.operations.size(); ++i) {
    const auto& op = b.operations[i];
    if (op.kind != batch_op_kind::submit_report) continue;
    const auto* kind = domain::find_report_kind(op.report.kind);
    if (!kind)
      out.push_back({i, {errc::not_found, fmt::format("there is no report kind '{}'", op.report.kind), {}}});
    else if (kind->sender != op.report.sender)
      out.push_back({i, {errc::forbidden, fmt::format("{} reports are sent by {}, not by {}", kind->id,
                                                      to_string(kind->sender), to_string(op.report.sender)),
                         {}}});
  }
  return out;
}

// Splits the operations among their owners, keeping batch order within each.
void assign(coordinator_state& st, batch_run& run, batch_submission& b) {
  std::map<domain::department, std::size_t> by_department;
  std::optional<std::size_t> security;
  for (std::size_t i = 0; i < b.operations.size(); ++i) {
    auto& op = b.operations[i];
    std::size_t* slot = nullptr;
    std::size_t fresh = run.participants.size();
    if (op.kind == batch_op_kind::create_token || op.kind == batch_op_kind::revoke_token) {
      if (!security) security = fresh, run.participants.push_back({std::nullopt, st.security, {}});
      slot = &*security;
    } else {
      auto d = op.kind == batch_op_kind::submit_report ? op.report.sender : op.recipient;
      auto [it, added] = by_department.try_emplace(d, fresh);
      if (added) run.participants.push_back({st.departments.at(d), std::nullopt, {}});
      slot = &it->second;
    }
    if (op.kind == batch_op_kind::submit_report) {
      const auto* kind = domain::find_report_kind(op.report.kind);
      run.headers[i] = domain::report_version{op.report.sender, op.report.kind, op.report.period, 0,
                                              kind->recipients, op.report.submitted_by,
                                              op.report.rows.size(), {}};
    }
    if (op.kind == batch_op_kind::acknowledge) run.acked_in[i] = op.recipient;
    auto& order = run.participants[*slot].order;
    order.positions.push_back(static_cast<std::uint32_t>(i));
    order.operations.push_back(std::move(op));
  }
}

void abort_all(coordinator_pointer self, const batch_run& run) {
  for (const auto& p : run.participants) p.tell(self, batch_abort{run.id});
}

void answer_stored(batch_run& run, const storage::idempotency_record& rec) {
  if (rec.request_hash != run.request_hash) {
    run.promise.deliver(idempotency_conflict(run.key));
    return;
  }
  auto stored = detail::decode_batch_receipt(rec);
  if (stored)
    run.promise.deliver(std::move(*stored));
  else
    run.promise.deliver(to_caf(stored.error()));
}

batch_receipt receipt_of(batch_run& run) {
  batch_receipt r;
  r.accepted_at = run.at;
  for (auto& p : run.prepared) r.results.push_back(std::move(p.outcome));
  return r;
}

// The events are durable: the participants apply them, reports are delivered.
void commit_all(coordinator_pointer self, batch_run& run, batch_receipt& receipt,
                const std::vector<std::int64_t>& offsets, std::uint64_t first_seq) {
  std::vector<std::uint64_t> seqs(run.operations, 0);
  for (std::size_t i = 0; i < run.operations; ++i)
    if (offsets[i] != detail::no_event) seqs[i] = first_seq + static_cast<std::uint64_t>(offsets[i]);
  for (const auto& p : run.participants) p.tell(self, batch_commit{run.id, seqs, run.at});
  for (std::size_t i = 0; i < run.operations; ++i) {
    auto& outcome = receipt.results[i];
    outcome.seq = seqs[i];
    if (run.acked_in[i] && seqs[i] != 0) tell_sender(self, *run.acked_in[i], outcome.item);
    if (!run.headers[i]) continue;
    outcome.report.seq = seqs[i];
    auto header = *run.headers[i];
    header.version = outcome.report.version;
    for (auto d : header.recipients)
      self->send(self->state.departments.at(d), delivery{seqs[i], run.at, header});
  }
  if (first_seq != 0) {
    receipt.first_seq = first_seq;
    receipt.last_seq = first_seq + static_cast<std::uint64_t>(std::count_if(
                                       offsets.begin(), offsets.end(),
                                       [](auto o) { return o != detail::no_event; })) - 1;
  }
}

void write(coordinator_pointer self, run_ptr run) {
  storage::append_request req;
  std::vector<std::int64_t> offsets(run->operations, detail::no_event);
  for (std::size_t i = 0; i < run->operations; ++i) {
    if (!run->prepared[i].writes) continue;
    offsets[i] = static_cast<std::int64_t>(req.events.size());
    req.events.push_back(std::move(run->prepared[i].event));
  }
  auto receipt = receipt_of(*run);
  if (!run->key.empty())
    req.idempotency = storage::idempotency_record{stored_key(run->key), run->request_hash,
                                                  detail::encode_batch_receipt(receipt, offsets), 0};
  if (req.events.empty() && !req.idempotency) {
    commit_all(self, *run, receipt, offsets, 0);
    run->promise.deliver(std::move(receipt));
    return;
  }
  self->request(self->state.log, caf::infinite, std::move(req))
      .then(
          [self, run, receipt, offsets](storage::append_result& r) mutable {
            if (r.replayed) {  // the same key committed meanwhile
              abort_all(self, *run);
              return answer_stored(*run, *r.existing);
            }
            commit_all(self, *run, receipt, offsets, r.first_seq);
            run->promise.deliver(std::move(receipt));
          },
          [self, run](caf::error& e) {
            abort_all(self, *run);
            run->promise.deliver(e);
          });
}

// Called once per participant's answer; decides when the last one is in.
void on_prepared(coordinator_pointer self, const run_ptr& run) {
  if (--run->waiting != 0) return;
  std::vector<domain::operation_failure> failures;
  for (std::size_t i = 0; i < run->operations; ++i)
    if (!run->prepared[i].ok) failures.push_back({i, run->prepared[i].failure});
  if (failures.empty()) return write(self, run);
  abort_all(self, *run);
  run->promise.deliver(to_caf(domain::combine_failures(failures, run->operations)));
}

void prepare(coordinator_pointer self, const run_ptr& run) {
  run->waiting = run->participants.size();
  for (auto& p : run->participants) {
    auto positions = p.order.positions;
    auto done = [self, run](batch_prepared& r) {
      for (auto& op : r.operations) run->prepared.at(op.position) = std::move(op);
      on_prepared(self, run);
    };
    auto failed = [self, run, positions](caf::error& e) {
      for (auto pos : positions) run->prepared[pos].failure = to_domain(e);
      on_prepared(self, run);
    };
    if (p.department) self->request(*p.department, caf::infinite, std::move(p.order)).then(done, failed);
    else self->request(*p.security, caf::infinite, std::move(p.order)).then(done, failed);
  }
}

}  // namespace

caf::result<batch_receipt> run_batch(coordinator_pointer self, batch_submission& b) {
  if (b.operations.empty())
    return to_caf(errc::invalid_request, "a batch holds at least one operation");
  if (auto failures = routing_failures(b); !failures.empty())
    return to_caf(domain::combine_failures(failures, b.operations.size()));
  auto run = std::make_shared<batch_run>();
  run->id = self->state.next_batch++;
  run->key = b.idempotency_key;
  run->request_hash = b.request_hash;
  run->at = self->state.clock->now();
  run->operations = b.operations.size();
  run->headers.resize(run->operations);
  run->acked_in.resize(run->operations);
  run->prepared.resize(run->operations);
  run->promise = self->make_response_promise<batch_receipt>();
  assign(self->state, *run, b);
  for (auto& p : run->participants) {
    p.order.batch = run->id;
    p.order.at = run->at;
    p.order.origin = b.origin;
  }
  if (run->key.empty()) {
    prepare(self, run);
    return run->promise;
  }
  self->request(self->state.log, caf::infinite, find_idempotency{stored_key(run->key)})
      .then([run](storage::idempotency_record& rec) { answer_stored(*run, rec); },
            [self, run](caf::error& e) {
              if (to_domain(e).code == errc::not_found) return prepare(self, run);
              run->promise.deliver(e);
            });
  return run->promise;
}

}  // namespace gridcoord::actors
