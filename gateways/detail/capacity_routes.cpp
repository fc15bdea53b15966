// The capacity register, new-connection applications and the published
// restricted list (docs/capacity.md, docs/publication.md):
//   GET  /v1/capacity/{id}?month=M[&horizon=true]   one point (with its path)
//   GET  /v1/capacity?month=M&status=&kind=&region=&after=&limit=   constrained points
//   GET  /v1/heat-map/{month}                        per region
//   POST /v1/prechecks                               can X kVA connect at F in M?
//   POST /v1/applications, GET /v1/applications[/{id}],
//   POST /v1/applications/{id}/approve | refuse | energize
//   POST /v1/publications, GET /v1/publications/latest | /{number}[?format=json|csv|html][&lang=zh-CN|en]
#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/capacity/applications.hpp"
#include "domain/json.hpp"
#include "domain/list_query.hpp"
#include "domain/publication/publication.hpp"
#include "gateways/capacity_codec.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace json = boost::json;
namespace cap = domain::capacity;
using domain::errc;
using domain::rule;

namespace {

const json::value no_body;

const json::value& body_of(const request_context& ctx) { return ctx.body ? *ctx.body : no_body; }

// ?month=YYYY-MM, required.
domain::expected<domain::month> month_query(const request_context& ctx) {
  auto m = find_param(ctx.query, "month");
  if (!m) return domain::fail(errc::invalid_request, "the month is required: ?month=YYYY-MM",
                              {{rule::required, std::nullopt, "month", "", "is required"}});
  return month_param(*m);
}

domain::status no_other_fields(const json::object& o, std::initializer_list<std::string_view> known,
                               std::string_view what) {
  std::vector<domain::issue> issues;
  for (const auto& [k, v] : o)
    if (std::find(known.begin(), known.end(), std::string_view(k)) == known.end())
      issues.push_back({rule::unknown_field, std::nullopt, std::string(k), domain::value_text(v),
                        fmt::format("is not a field of {}", what)});
  if (!issues.empty()) return domain::fail(errc::validation_failed, fmt::format("the {} is not valid", what), issues);
  return {};
}

// {"point","load_kva","month","demand_factor"?}
domain::expected<cap::precheck_request> precheck_of(const json::value& body) {
  if (!body.is_object())
    return domain::fail(errc::invalid_request, "the body must be a JSON object with point, load_kva, month");
  const auto& o = body.get_object();
  if (auto s = no_other_fields(o, {"point", "load_kva", "month", "demand_factor"}, "precheck"); !s)
    return unexpected{s.error()};
  std::vector<domain::issue> issues;
  cap::precheck_request r;
  if (const auto* p = o.if_contains("point"); p && p->is_string() && !p->get_string().empty())
    r.point = p->get_string();
  else
    issues.push_back({!p ? rule::required : p->is_string() ? rule::empty_text : rule::not_a_string, std::nullopt,
                      "point", p ? domain::value_text(*p) : "", "is required: an equipment id"});
  if (const auto* l = o.if_contains("load_kva"); l && l->is_number() && l->to_number<double>() > 0)
    r.load_kva = l->to_number<double>();
  else
    issues.push_back({!l ? rule::required : l->is_number() ? rule::below_minimum : rule::not_a_number, std::nullopt,
                      "load_kva", l ? domain::value_text(*l) : "", "must be a number above 0"});
  const auto* m = o.if_contains("month");
  auto period = m && m->is_string() ? domain::parse_month(m->get_string()) : std::nullopt;
  if (period) r.period = *period;
  else
    issues.push_back({m ? rule::not_a_month : rule::required, std::nullopt, "month",
                      m ? domain::value_text(*m) : "", "must be a month, YYYY-MM"});
  if (const auto* f = o.if_contains("demand_factor"); f && !f->is_null()) {
    if (f->is_number() && f->to_number<double>() > 0 && f->to_number<double>() <= 1)
      r.demand_factor = f->to_number<double>();
    else
      issues.push_back({f->is_number() ? rule::out_of_range : rule::not_a_number, std::nullopt,
                        "demand_factor", domain::value_text(*f), "must be a number above 0 and at most 1"});
  }
  if (!issues.empty()) return domain::fail(errc::validation_failed, "the precheck is not valid", std::move(issues));
  return r;
}

// The body of approve (none or {}), refuse ({"reason","lack_of_capacity"?}) or
// energize ({"on": "YYYY-MM-DD"}).
// An application step is idempotent by itself (a repeat changes nothing), so
// an Idempotency-Key is checked for its form and needs nothing more.
domain::expected<actors::application_command> step_of(const request_context& ctx, actors::application_action action) {
  if (auto key = idempotency_key_of(ctx); !key) return unexpected{key.error()};
  actors::application_command c;
  c.action = action;
  c.id = std::string(ctx.param("id"));
  c.by = caller_id(ctx);
  c.origin = origin_of(ctx);
  const auto& body = body_of(ctx);
  if (action == actors::application_action::approve) {
    if (!body.is_null() && !(body.is_object() && body.get_object().empty()))
      return domain::fail(errc::invalid_request, "an approval takes no body (or {})");
    return c;
  }
  if (!body.is_object()) return domain::fail(errc::invalid_request, "the body must be a JSON object");
  const auto& o = body.get_object();
  if (action == actors::application_action::refuse) {
    if (auto s = no_other_fields(o, {"reason", "lack_of_capacity"}, "refusal"); !s) return unexpected{s.error()};
    const auto* r = o.if_contains("reason");
    if (!r || !r->is_string() || r->get_string().empty())
      return domain::fail(errc::validation_failed, "a refusal needs a reason",
                          {{r && !r->is_string() ? rule::not_a_string : rule::required, std::nullopt,
                            "reason", r ? domain::value_text(*r) : "", "is required: the reason in words"}});
    c.reason = r->get_string();
    if (const auto* l = o.if_contains("lack_of_capacity"); l && !l->is_null()) {
      if (!l->is_bool())
        return domain::fail(errc::validation_failed, "the refusal is not valid",
                            {{rule::not_a_boolean, std::nullopt, "lack_of_capacity", domain::value_text(*l),
                              "must be true or false"}});
      c.lack_of_capacity = l->get_bool();
    }
    return c;
  }
  if (auto s = no_other_fields(o, {"on"}, "energization"); !s) return unexpected{s.error()};
  const auto* on = o.if_contains("on");
  auto date = on && on->is_string() ? domain::parse_local_date(on->get_string()) : std::nullopt;
  if (!date)
    return domain::fail(errc::validation_failed, "the energization is not valid",
                        {{on ? rule::not_a_date : rule::required, std::nullopt, "on",
                          on ? domain::value_text(*on) : "", "must be a date, YYYY-MM-DD"}});
  c.energized_on = *date;
  return c;
}

route_handler application_step(actors::client& client, actors::application_action action) {
  return [&client, action](const request_context& ctx, respond done) {
    auto c = step_of(ctx, action);
    if (!c) return done(error_response(c.error()));
    client.application_step(std::move(*c), reply_with<actors::application_outcome>(
                                               std::move(done), [](const actors::application_outcome& o) {
                                                 return json_response(200, json::value_from(o));
                                               }));
  };
}

// ?format=json|csv|html (json when absent).
domain::expected<std::string_view> format_of(const request_context& ctx) {
  auto f = find_param(ctx.query, "format").value_or("json");
  if (f != "json" && f != "csv" && f != "html")
    return domain::fail(errc::invalid_request, "format must be json, csv or html",
                        {{rule::not_one_of, std::nullopt, "format", std::string(f), "is not json, csv or html"}});
  return f;
}

// ?lang=zh-CN|en (the pages' default language when absent). Checked for every
// format; only the HTML page has words to translate.
domain::expected<domain::language> language_of(const request_context& ctx, domain::language fallback) {
  auto tag = find_param(ctx.query, "lang");
  if (!tag) return fallback;
  if (auto l = domain::parse_language(*tag)) return *l;
  return domain::fail(errc::invalid_request, "lang must be zh-CN or en",
                      {{domain::rule::not_one_of, std::nullopt, "lang", std::string(*tag), "is not zh-CN or en"}});
}

http_response rendered(const cap::publication& p, std::string_view format, const cap::page_settings& pages = {},
                       domain::language lang = domain::language::zh_cn) {
  http_response res;
  res.status = 200;
  if (format == "csv") {
    res.body = cap::render_csv(p);
    res.headers.emplace_back("Content-Type", "text/csv; charset=utf-8");
  } else if (format == "html") {
    res.body = cap::render_html(p, pages, lang);
    res.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    res.headers.emplace_back("Content-Language", std::string(domain::to_string(lang)));
  } else {
    res.body = cap::encode_publication(p);
    res.headers.emplace_back("Content-Type", "application/json");
  }
  return res;
}

}  // namespace

route_handler get_capacity(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto period = month_query(ctx);
    if (!period) return done(error_response(period.error()));
    auto horizon = bool_query(ctx, "horizon");
    if (!horizon) return done(error_response(horizon.error()));
    bool all = horizon->value_or(false);
    client.capacity(std::string(ctx.param("id")), *period, all,
                    reply_with<std::vector<cap::point_capacity>>(
                        std::move(done), [all](const std::vector<cap::point_capacity>& c) {
                          if (!all) return json_response(200, json::value_from(c.front()));
                          return json_response(200, json::value{{"months", json::value_from(c)}});
                        }));
  };
}

route_handler get_constrained(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto period = month_query(ctx);
    if (!period) return done(error_response(period.error()));
    auto limit = integer_query(ctx, "limit", domain::default_page_limit, 1, domain::max_page_limit);
    if (!limit) return done(error_response(limit.error()));
    cap::constrained_filter f{.period = *period, .limit = *limit};
    if (auto s = find_param(ctx.query, "status")) {
      f.at_least = cap::parse_light(*s);
      if (!f.at_least)
        return done(error_response({errc::invalid_request, "status must be green, amber or red",
                                    {{rule::not_one_of, std::nullopt, "status", std::string(*s),
                                      "is not green, amber or red"}}}));
    }
    if (auto k = find_param(ctx.query, "kind")) {
      f.kind = domain::parse_equipment_kind(*k);
      if (!f.kind)
        return done(error_response({errc::invalid_request,
                                    "kind must be substation, main_transformer, feeder or distribution_transformer",
                                    {{rule::not_one_of, std::nullopt, "kind", std::string(*k),
                                      "is not a kind of equipment"}}}));
    }
    f.region = std::string(find_param(ctx.query, "region").value_or(""));
    f.after = std::string(find_param(ctx.query, "after").value_or(""));
    client.constrained(std::move(f), reply_with<cap::constrained_page>(std::move(done), [](const cap::constrained_page& p) {
                         return json_response(200, json::value_from(p));
                       }));
  };
}

route_handler get_heat_map(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto period = month_param(ctx.param("month"));
    if (!period) return done(error_response(period.error()));
    client.heat_map(*period, reply_with<std::vector<cap::region_heat>>(
                                 std::move(done), [m = *period](const std::vector<cap::region_heat>& h) {
                                   return json_response(
                                       200, json::value{{"month", domain::to_string(m)}, {"regions", json::value_from(h)}});
                                 }));
  };
}

route_handler post_precheck(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto r = precheck_of(body_of(ctx));
    if (!r) return done(error_response(r.error()));
    client.precheck(std::move(*r), reply_with<cap::precheck_result>(std::move(done), [](const cap::precheck_result& p) {
                      return json_response(200, json::value_from(p));
                    }));
  };
}

route_handler post_application(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    if (auto key = idempotency_key_of(ctx); !key) return done(error_response(key.error()));
    auto a = cap::read_application(body_of(ctx));
    if (!a) return done(error_response(a.error()));
    actors::application_command c;
    c.action = actors::application_action::submit;
    c.draft = std::move(*a);
    c.by = caller_id(ctx);
    c.origin = origin_of(ctx);
    client.application_step(std::move(c), reply_with<actors::application_outcome>(
                                              std::move(done), [](const actors::application_outcome& o) {
                                                auto res = json_response(o.changed ? 201 : 200, json::value_from(o));
                                                res.headers.emplace_back("Location",
                                                                         "/v1/applications/" + o.application.id);
                                                return res;
                                              }));
  };
}

route_handler post_application_approve(actors::client& client) {
  return application_step(client, actors::application_action::approve);
}
route_handler post_application_refuse(actors::client& client) {
  return application_step(client, actors::application_action::refuse);
}
route_handler post_application_energize(actors::client& client) {
  return application_step(client, actors::application_action::energize);
}

route_handler get_application(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    client.get_application(std::string(ctx.param("id")),
                           reply_with<cap::application>(std::move(done), [](const cap::application& a) {
                             return json_response(200, cap::to_json(a));
                           }));
  };
}

route_handler get_applications(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto limit = integer_query(ctx, "limit", domain::default_page_limit, 1, domain::max_page_limit);
    if (!limit) return done(error_response(limit.error()));
    actors::application_list q;
    q.limit = *limit;
    q.after = std::string(find_param(ctx.query, "after").value_or(""));
    if (auto s = find_param(ctx.query, "state")) {
      q.state = cap::parse_application_state(*s);
      if (!q.state)
        return done(error_response({errc::invalid_request, "state must be submitted, approved, refused or energized",
                                    {{rule::not_one_of, std::nullopt, "state", std::string(*s),
                                      "is not a state of an application"}}}));
    }
    auto limit_asked = q.limit;
    client.list_applications(std::move(q), reply_with<std::vector<cap::application>>(
                                               std::move(done), [limit_asked](const std::vector<cap::application>& list) {
                                                 json::array items;
                                                 for (const auto& a : list) items.push_back(cap::to_json(a));
                                                 bool full = list.size() == limit_asked;
                                                 return json_response(
                                                     200, json::value{{"items", std::move(items)},
                                                                      {"next_after", full ? json::value(list.back().id)
                                                                                          : json::value(nullptr)}});
                                               }));
  };
}

route_handler post_publication(actors::client& client) {
  return [&client](const request_context& ctx, respond done) {
    auto key = idempotency_key_of(ctx);
    if (!key) return done(error_response(key.error()));
    actors::publication_issue q;
    q.by = caller_id(ctx);
    q.idempotency_key = std::move(*key);
    q.request_hash = body_hash(ctx, "POST", "/v1/publications");
    const auto& body = body_of(ctx);
    if (!body.is_null()) {
      if (!body.is_object()) return done(error_response({errc::invalid_request, "the body must be a JSON object", {}}));
      if (auto s = no_other_fields(body.get_object(), {"period"}, "publication request"); !s)
        return done(error_response(s.error()));
      if (const auto* p = body.get_object().if_contains("period"); p && !p->is_null()) {
        auto m = p->is_string() ? domain::parse_month(p->get_string()) : std::nullopt;
        if (!m)
          return done(error_response({errc::validation_failed, "the publication request is not valid",
                                      {{rule::not_a_month, std::nullopt, "period", domain::value_text(*p),
                                        "must be a month, YYYY-MM"}}}));
        q.period = *m;
      }
    }
    client.publish(std::move(q), reply_with<actors::publication_receipt>(
                                     std::move(done), [](const actors::publication_receipt& r) {
                                       auto res = rendered(r.publication, "json");
                                       res.status = r.replayed ? 200 : 201;
                                       res.headers.emplace_back("Location",
                                                                fmt::format("/v1/publications/{}", r.publication.number));
                                       return res;
                                     }));
  };
}

route_handler get_publication(actors::client& client, cap::page_settings pages) {
  return [&client, pages = std::move(pages)](const request_context& ctx, respond done) {
    auto format = format_of(ctx);
    if (!format) return done(error_response(format.error()));
    auto lang = language_of(ctx, pages.default_language);
    if (!lang) return done(error_response(lang.error()));
    std::uint32_t number = 0;
    if (auto n = ctx.param("number"); n != "latest") {
      auto parsed = integer_param(n, "publication number", 1, 0xffffffffu);
      if (!parsed) return done(error_response(parsed.error()));
      number = static_cast<std::uint32_t>(*parsed);
    }
    client.get_publication(number, reply_with<cap::publication>(std::move(done),
                                                                [f = *format, pages, l = *lang](const cap::publication& p) {
                                                                  return rendered(p, f, pages, l);
                                                                }));
  };
}

}  // namespace gridcoord::gateways::detail
