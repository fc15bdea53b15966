#include "actors/security_actor.hpp"

#include <algorithm>

#include <caf/all.hpp>
#include <fmt/format.h>

#include "actors/error.hpp"

namespace gridcoord::actors {

namespace {

using domain::errc;

storage::append_request one_event(std::string type, domain::time_point at, std::string actor,
                                  std::string payload, std::string origin) {
  storage::append_request req;
  req.events.push_back({std::string(domain::tokens_stream), std::move(type), at, std::move(actor),
                        std::move(payload), std::move(origin)});
  return req;
}

// Applies a committed token event and republishes the directory.
void commit(security_pointer self, std::string_view type, domain::time_point at,
            const std::string& payload) {
  ignore_error(self->state.book.apply_event(type, at, payload), "we encoded it a moment ago");
  self->state.directory->replace(self->state.book);
}

// An expiry must lie after `now`: a token that would be refused at once is a mistake.
std::optional<domain::issue> expiry_problem(const std::optional<domain::time_point>& expires_at,
                                            domain::time_point now) {
  if (!expires_at || *expires_at > now) return std::nullopt;
  return domain::issue{domain::rule::in_the_past, std::nullopt, "expires_at", domain::format_rfc3339(*expires_at),
                       fmt::format("must be after now ({})", domain::format_rfc3339(now))};
}

caf::result<domain::issued_token> issue(security_pointer self, const token_request& req) {
  auto granted = domain::parse_role(req.role);
  if (!granted)
    return to_caf(domain::error{errc::validation_failed, "unknown role",
                                {{domain::rule::unknown_role, std::nullopt, "role", req.role,
                                  "must be admin, reader, planner, dispatcher, cs_agent or "
                                  "liaison:<department>"}}});
  auto now = self->state.clock->now();
  if (auto problem = expiry_problem(req.expires_at, now))
    return to_caf(domain::error{errc::validation_failed, "the token would expire before it is issued", {*problem}});
  auto issued = domain::generate_token(*granted, req.description, req.by, now, req.expires_at);
  auto payload = domain::encode_created(issued.record);
  auto rp = self->make_response_promise<domain::issued_token>();
  self->request(self->state.log, caf::infinite,
                one_event(std::string(domain::token_created_type), now, req.by, payload, req.origin))
      .then([self, rp, issued, now, payload](storage::append_result&) mutable {
        commit(self, domain::token_created_type, now, payload);
        rp.deliver(std::move(issued));
      }, [rp](caf::error& e) mutable { rp.deliver(e); });
  return rp;
}

caf::result<domain::token_record> revoke(security_pointer self, const revoke_request& req) {
  const auto* r = self->state.book.find(req.id);
  if (!r) return to_caf(errc::not_found, fmt::format("there is no token {}", req.id));
  if (r->revoked_at) return *r;
  auto now = self->state.clock->now();
  auto payload = domain::encode_revoked(req.id, req.by);
  auto rp = self->make_response_promise<domain::token_record>();
  self->request(self->state.log, caf::infinite,
                one_event(std::string(domain::token_revoked_type), now, req.by, payload, req.origin))
      .then([self, rp, now, payload, id = req.id](storage::append_result&) mutable {
        commit(self, domain::token_revoked_type, now, payload);
        rp.deliver(*self->state.book.find(id));
      }, [rp](caf::error& e) mutable { rp.deliver(e); });
  return rp;
}

prepared_operation prepare_create(const batch_prepare& p, std::uint32_t position,
                                  const batch_operation& op, std::vector<held_token_event>& held) {
  prepared_operation out{position, false, {}, false, {}, {}};
  out.outcome.kind = batch_op_kind::create_token;
  auto granted = domain::parse_role(op.role);
  if (!granted) {
    out.failure = {errc::validation_failed, fmt::format("there is no role '{}'", op.role),
                   {{domain::rule::unknown_role, std::nullopt, "role", op.role, "is not a role"}}};
    return out;
  }
  if (auto problem = expiry_problem(op.expires_at, p.at)) {
    out.failure = {errc::validation_failed, "the token would expire before it is issued", {*problem}};
    return out;
  }
  auto issued = domain::generate_token(*granted, op.description, op.by, p.at, op.expires_at);
  auto payload = domain::encode_created(issued.record);
  out.ok = out.writes = true;
  out.event = {std::string(domain::tokens_stream), std::string(domain::token_created_type), p.at, op.by,
               payload, p.origin};
  out.outcome.token = std::move(issued);
  held.push_back({std::string(domain::token_created_type), std::move(payload)});
  return out;
}

// A token already revoked (before, or earlier in this batch) answers as it is.
prepared_operation prepare_revoke(security_state& st, const batch_prepare& p, std::uint32_t position,
                                  const batch_operation& op, std::vector<held_token_event>& held) {
  prepared_operation out{position, false, {}, false, {}, {}};
  out.outcome.kind = batch_op_kind::revoke_token;
  const auto* r = st.book.find(op.token_id);
  if (!r) {
    out.failure = {errc::not_found, fmt::format("there is no token {}", op.token_id), {}};
    return out;
  }
  out.ok = true;
  out.outcome.revoked = *r;
  if (r->revoked_at) return out;
  out.outcome.revoked.revoked_at = p.at;
  out.outcome.revoked.revoked_by = op.by;
  auto payload = domain::encode_revoked(op.token_id, op.by);
  auto again = std::find_if(held.begin(), held.end(), [&](const held_token_event& h) {
    return h.type == domain::token_revoked_type && h.payload == payload;
  });
  if (again != held.end()) return out;
  out.writes = true;
  out.event = {std::string(domain::tokens_stream), std::string(domain::token_revoked_type), p.at, op.by,
               payload, p.origin};
  held.push_back({std::string(domain::token_revoked_type), std::move(payload)});
  return out;
}

batch_prepared prepare_batch(security_pointer self, const batch_prepare& p) {
  batch_prepared out;
  std::vector<held_token_event> held;
  for (std::size_t i = 0; i < p.operations.size(); ++i) {
    const auto& op = p.operations[i];
    out.operations.push_back(op.kind == batch_op_kind::create_token
                                 ? prepare_create(p, p.positions[i], op, held)
                                 : prepare_revoke(self->state, p, p.positions[i], op, held));
  }
  self->state.held[p.batch] = std::move(held);
  return out;
}

void commit_batch(security_pointer self, const batch_commit& c) {
  auto node = self->state.held.extract(c.batch);
  if (!node) return;
  for (const auto& h : node.mapped()) commit(self, h.type, c.at, h.payload);
}

}  // namespace

security_actor::behavior_type security(security_pointer self, domain::token_book book,
                                       event_log_actor log, const domain::clock* clock,
                                       std::shared_ptr<token_directory> directory) {
  self->state.book = std::move(book);
  self->state.log = std::move(log);
  self->state.clock = clock;
  self->state.directory = std::move(directory);
  self->state.directory->replace(self->state.book);
  return {
      [self](token_request& req) { return issue(self, req); },
      [self](revoke_request& req) { return revoke(self, req); },
      [self](token_list_query) { return self->state.book.list(); },
      [self](batch_prepare& p) { return prepare_batch(self, p); },
      [self](batch_commit& c) { commit_batch(self, c); },
      [self](batch_abort& a) { self->state.held.erase(a.batch); },
  };
}

}  // namespace gridcoord::actors
