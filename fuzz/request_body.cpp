// fuzz/request_body.cpp — JSON request bodies, as the routes read them.
//
// Input: a request body. It is parsed as the router parses an
// application/json body (boost::json::parse), then read by every reader of a
// client's JSON: report rows for each report kind (parse_checked_rows against
// a small equipment registry), an equipment import (read_import_json, then
// the registry's check_import), a customer import (parse_customers_json, then
// check_import), the outage feed (parse_feed, from the value and from the
// text as JSON lines) and body_reader, which reads the SLA writes. Every
// error is then written as the client would get it (error_response, in
// English and Chinese). Checks: the envelope is JSON, and domain::to_text of
// the body reads back to the same text.
#include <string>
#include <string_view>
#include <system_error>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>

#include "domain/equipment.hpp"
#include "domain/json.hpp"
#include "domain/references.hpp"
#include "domain/report.hpp"
#include "domain/sla/customers.hpp"
#include "fuzz/fuzz_target.hpp"
#include "gateways/codecs.hpp"
#include "gateways/detail/route_support.hpp"
#include "gateways/detail/sla_routes.hpp"
#include "gateways/error_mapping.hpp"

namespace {

namespace json = boost::json;
namespace domain = gridcoord::domain;
namespace gw = gridcoord::gateways;
using gridcoord::fuzz::check;

// A feeder under a substation, so that references are checked for real.
const domain::equipment_registry& registry() {
  static const domain::equipment_registry r = [] {
    domain::equipment_registry out;
    auto draft = domain::read_import_json(json::parse(R"({"equipment":[
      {"id":"SS-01","kind":"substation","area_class":"urban","region":"东区","rating_kva":40000},
      {"id":"MT-01","kind":"main_transformer","parent":"SS-01","area_class":"urban","region":"东区","rating_kva":31500},
      {"id":"FD-01","kind":"feeder","parent":"MT-01","area_class":"urban","region":"东区","rating_kva":8000},
      {"id":"DT-01","kind":"distribution_transformer","parent":"FD-01","area_class":"urban","region":"东区","rating_kva":630}]})"));
    check(draft && draft->issues.empty(), "the fuzz target's own registry does not import");
    auto rows = out.check_import(*draft);
    check(rows.has_value(), "the fuzz target's own registry is refused");
    out.apply_import(*rows, 1);
    return out;
  }();
  return r;
}

void answer(const domain::error& e) {
  for (auto l : {domain::language::en, domain::language::zh_cn}) {
    auto res = gw::in_language(gw::error_response(e), l);
    std::error_code ec;
    auto body = json::parse(res.body, ec);
    check(!ec && body.is_object(), "an error envelope is not a JSON object");
  }
  (void)json::value_from(e);
}

template <class T>
void answer_if_error(const domain::expected<T>& r) {
  if (!r) answer(r.error());
}

void read_reports(const json::value& body) {
  auto period = domain::parse_month("2026-10");
  check(period.has_value(), "2026-10 is not a month");
  for (const auto& kind : domain::report_catalogue())
    answer_if_error(domain::parse_checked_rows(kind, *period, body, registry()));
}

void read_imports(const json::value& body) {
  if (auto draft = domain::read_import_json(body)) {
    answer_if_error(registry().check_import(*draft));
  } else {
    answer(draft.error());
  }
  if (auto customers = domain::sla::parse_customers_json(body)) {
    domain::sla::customer_registry none;
    if (auto s = none.check_import(*customers, registry()); !s) answer(s.error());
  } else {
    answer(customers.error());
  }
}

void read_sla_write(const json::value& body) {
  gw::detail::body_reader b(&body, "outage report", {"equipment", "started_at", "description", "count", "notify"});
  (void)b.ids("equipment", true);
  (void)b.time("started_at", true);
  (void)b.text("description", false, domain::text_kind::free_text);
  (void)b.optional_text("description", domain::text_kind::free_text);
  (void)b.integer("count", 1, 1000);
  (void)b.boolean("notify");
  if (auto s = b.finish(); !s) answer(s.error());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = gridcoord::fuzz::as_text(data, size);
  answer_if_error(gw::detail::parse_feed(text));
  std::error_code ec;
  json::value body = json::parse(text, ec);
  if (ec) return 0;  // the router answers 400 itself
  auto canonical = domain::to_text(body);
  auto again = json::parse(canonical, ec);
  check(!ec, "domain::to_text wrote text that is not JSON");
  check(domain::to_text(again) == canonical, "domain::to_text does not read back to itself");
  read_reports(body);
  read_imports(body);
  read_sla_write(body);
  answer_if_error(gw::detail::parse_feed(body));
  return 0;
}
