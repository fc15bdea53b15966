// What a caller may see of stored data (domain/sla/disclosure.hpp): each
// payload as its encoder writes it, with every personal text a marker that
// must not survive for a caller without personal data.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "domain/json.hpp"
#include "domain/sla/customers.hpp"
#include "domain/sla/disclosure.hpp"
#include "domain/sla/events.hpp"
#include "domain/sla/outbox.hpp"
#include "domain/token_book.hpp"

using namespace gridcoord;
using namespace gridcoord::domain::sla;
namespace json = boost::json;

namespace {

constexpr std::string_view marker = "PERSONAL";

json::value redacted(std::string_view type, const std::string& payload, disclosure who) {
  auto v = json::parse(payload);
  redact_event(type, v, who);
  return v;
}

std::vector<std::string> names_of(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& n : v.at("redacted").as_array()) out.emplace_back(n.as_string());
  return out;
}

std::string text(const json::value& v) { return domain::to_text(v); }

}  // namespace

TEST_CASE("a complaint's name contact and text are removed for a caller without personal data",
          "[sla][disclosure]") {
  complaint_registered e;
  e.id = 5;
  e.customer_id = "C-7";
  e.customer_name = std::string(marker) + " name";
  e.contact = std::string(marker) + " +8613800000000";
  e.text = std::string(marker) + " lights flicker";
  e.registered_by = "tk_agent";
  auto payload = encode(e);

  auto shown = redacted(complaint_registered_type, payload, disclosure::without_personal_data);
  CHECK(text(shown).find(marker) == std::string::npos);
  CHECK(names_of(shown) == std::vector<std::string>{"customer_name", "contact", "text"});
  CHECK(shown.at("customer_id") == "C-7");  // the registry's id is not personal data
  CHECK(shown.at("registered_by") == "tk_agent");

  CHECK(redacted(complaint_registered_type, payload, disclosure::with_personal_data) == json::parse(payload));
}

TEST_CASE("callbacks notifications notices and customer imports lose their personal data", "[sla][disclosure]") {
  callback_opened opened;
  opened.id = 9;
  opened.cause = "complaint/5";
  opened.customer = std::string(marker);
  callback_attempted attempt;
  attempt.id = 9;
  attempt.note = std::string(marker) + " called back";
  customers_notified notified;
  notified.id = 17;
  notified.note = std::string(marker) + " phoned";
  notification n;
  n.message_id = "outage/17/C-1/outage_notice";
  n.customer_id = "C-1";
  n.channel = "sms";
  n.address = std::string(marker) + "+8613800000000";
  n.text = std::string(marker) + " 尊敬的蓝海化工";
  customer c{"C-1", std::string(marker), customer_tier::important,
             {{"sms", std::string(marker) + "+8613800000000"}}, "F-101", 0, 0};
  std::vector<customer> rows{c, c};

  struct sample {
    std::string_view type;
    std::string payload;
    std::vector<std::string> redacted;
  };
  std::vector<sample> samples{
      {callback_opened_type, encode(opened), {"customer"}},
      {callback_attempted_type, encode(attempt), {"note"}},
      {customers_notified_type, encode(notified), {"note"}},
      {notification_enqueued_type, encode(n), {"address", "text"}},
      {customer_imported_type, encode_customer_import(rows), {"customers[].name", "customers[].contacts"}},
  };
  for (const auto& s : samples) {
    INFO(s.type);
    REQUIRE(s.payload.find(marker) != std::string::npos);
    auto shown = redacted(s.type, s.payload, disclosure::without_personal_data);
    CHECK(text(shown).find(marker) == std::string::npos);
    CHECK(names_of(shown) == s.redacted);
    CHECK(redacted(s.type, s.payload, disclosure::with_personal_data) == json::parse(s.payload));
  }
  // The rest of an import stays: who, where, which tier.
  auto import = redacted(customer_imported_type, encode_customer_import(rows), disclosure::without_personal_data);
  CHECK(import.at("customers").at(0).at("id") == "C-1");
  CHECK(import.at("customers").at(0).at("connection_point") == "F-101");
}

TEST_CASE("a token's secret hash is never shown whoever asks", "[sla][disclosure]") {
  auto issued = domain::generate_token(domain::role{domain::role_kind::reader}, "auditor", "tk_admin",
                                       domain::time_point{});
  auto payload = domain::encode_created(issued.record);
  REQUIRE(payload.find(issued.record.secret_hash) != std::string::npos);
  for (auto who : {disclosure::with_personal_data, disclosure::without_personal_data}) {
    auto shown = redacted(domain::token_created_type, payload, who);
    CHECK(text(shown).find(issued.record.secret_hash) == std::string::npos);
    CHECK_FALSE(shown.as_object().contains("secret_hash"));
    CHECK_FALSE(shown.as_object().contains("redacted"));
    CHECK(shown.at("id") == json::value(issued.record.id));
  }
}

TEST_CASE("an event without personal data and a payload of another shape are left as they are",
          "[sla][disclosure]") {
  complaint_forwarded f;
  f.id = 5;
  f.by = "tk_agent";
  auto payload = encode(f);
  CHECK(redacted(complaint_forwarded_type, payload, disclosure::without_personal_data) == json::parse(payload));
  json::value not_an_object = json::string("customer_name");
  redact_event(complaint_registered_type, not_an_object, disclosure::without_personal_data);
  CHECK(not_an_object == json::string("customer_name"));
  json::value already_empty = json::object{{"id", 5}};
  redact_event(complaint_registered_type, already_empty, disclosure::without_personal_data);
  CHECK(already_empty == json::object{{"id", 5}});  // nothing removed, nothing listed
}

TEST_CASE("a complaint item and a callback item lose their personal fields", "[sla][disclosure]") {
  json::object complaint{{"item", "complaint/5"}, {"customer_id", "C-7"}, {"customer_name", marker},
                         {"contact", marker}, {"text", marker}, {"state", "registered"}};
  redact_item("complaint", complaint, disclosure::without_personal_data);
  CHECK(text(complaint).find(marker) == std::string::npos);
  CHECK(complaint.at("redacted") == json::array{"customer_name", "contact", "text"});
  CHECK(complaint.at("state") == "registered");

  json::object callback{{"item", "callback/9"}, {"customer", marker},
                        {"attempts", json::array{json::object{{"outcome", "reached"}, {"note", marker}},
                                                 json::object{{"outcome", "no_answer"}}}}};
  auto full = callback;
  redact_item("callback", full, disclosure::with_personal_data);
  CHECK(full == callback);
  redact_item("callback", callback, disclosure::without_personal_data);
  CHECK(text(callback).find(marker) == std::string::npos);
  CHECK(callback.at("redacted") == json::array{"customer", "attempts[].note"});
  CHECK(callback.at("attempts").at(0).at("outcome") == "reached");

  json::object outage{{"item", "outage/17"}, {"description", "storm"}};
  auto before = outage;
  redact_item("outage", outage, disclosure::without_personal_data);
  CHECK(outage == before);
}

TEST_CASE("personal data is disclosed to exactly the roles that may read customers", "[sla][disclosure]") {
  using domain::role, domain::role_kind, domain::department;
  auto personal = [](role r) { return disclosure_for(r) == disclosure::with_personal_data; };
  CHECK(personal(role{role_kind::admin}));
  CHECK(personal(role{role_kind::reader}));
  CHECK(personal(role{role_kind::cs_agent}));
  CHECK(personal(role{role_kind::dispatcher}));
  CHECK(personal(role{role_kind::liaison, department::customer_service}));
  CHECK(personal(role{role_kind::liaison, department::dispatch}));
  CHECK_FALSE(personal(role{role_kind::planner}));
  CHECK_FALSE(personal(role{role_kind::liaison, department::marketing}));
  CHECK_FALSE(personal(role{role_kind::liaison, department::planning}));
  CHECK_FALSE(personal(role{role_kind::liaison, department::production}));
}
