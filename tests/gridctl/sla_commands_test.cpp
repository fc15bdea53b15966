// The requests of the SLA and customer commands (cmd/gridctl/sla_commands.hpp),
// built without a server: method, path, query, body and headers.
#include <catch2/catch.hpp>

#include <fstream>

#include <boost/json/parse.hpp>

#include "tests/gridctl/support/parsed_command.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using gridctl::client::header_list;
using gridctl::client::http_request;
using testing::refusal_for;
using testing::request_for;
using testing::usage_code;
namespace json = boost::json;

namespace {

json::value body_of(const http_request& req) { return json::parse(req.body); }

const header_list key_header{{"Idempotency-Key", "k-1"}};

}  // namespace

TEST_CASE("outage report posts every equipment id given, and the start and description only when given",
          "[gridctl][sla]") {
  auto req = request_for({"outage", "report", "F-101", "DT-2231", "--started", "2026-12-01T09:30:00+08:00",
                          "--description", "feeder tripped", "--idempotency-key", "k-1"});
  CHECK(req.method == "POST");
  CHECK(req.target == "/v1/outages");
  CHECK(body_of(req) == json::parse(R"({"equipment":["F-101","DT-2231"],"started_at":"2026-12-01T09:30:00+08:00",
                                        "description":"feeder tripped"})"));
  CHECK(req.headers == key_header);
  auto bare = request_for({"outage", "report", "F-101"});
  CHECK(body_of(bare) == json::parse(R"({"equipment":["F-101"]})"));
  CHECK(bare.headers.empty());
}

TEST_CASE("outage report needs equipment and an RFC 3339 start with its offset", "[gridctl][sla]") {
  CHECK(usage_code({"outage", "report"}) == 2);
  CHECK(usage_code({"outage", "report", "F-101", "--started", "2026-12-01"}) == 2);
  CHECK(usage_code({"outage", "report", "F-101", "--started", "2026-12-01T09:30:00"}) == 2);  // no offset
  CHECK(usage_code({"outage", "report", "F-101", "--started", "2026-12-01 09:30:00Z"}) == 2);
  CHECK(usage_code({"outage", "report", "F-101", "--started", "2026-12-01T01:30:00.25Z"}) == -1);
}

TEST_CASE("outage update sends only what changed, each --add-equipment once, and refuses an empty update",
          "[gridctl][sla]") {
  auto req = request_for({"outage", "update", "17", "--cause", "cable fault", "--etr", "2026-12-01T14:00:00+08:00",
                          "--add-equipment", "DT-2231", "--add-equipment", "DT-2232"});
  CHECK(req.method == "POST");
  CHECK(req.target == "/v1/outages/17/updates");
  CHECK(body_of(req) == json::parse(R"({"cause":"cable fault","etr":"2026-12-01T14:00:00+08:00",
                                        "equipment_added":["DT-2231","DT-2232"]})"));
  CHECK(body_of(request_for({"outage", "update", "17", "--etr", "2026-12-01T06:00:00Z"})) ==
        json::parse(R"({"etr":"2026-12-01T06:00:00Z"})"));
  CHECK(refusal_for({"outage", "update", "17"}) == "give what changed: --cause, --etr or --add-equipment");
  CHECK(usage_code({"outage", "update", "seventeen", "--cause", "x"}) == 2);
}

TEST_CASE("crew arrival, restoration and customers notified post to the outage's step routes", "[gridctl][sla]") {
  auto arrived = request_for({"outage", "arrived", "17", "--at", "2026-12-01T02:10:00Z", "--idempotency-key", "k-1"});
  CHECK(arrived.method == "POST");
  CHECK(arrived.target == "/v1/outages/17/crew-arrived");
  CHECK(body_of(arrived) == json::parse(R"({"at":"2026-12-01T02:10:00Z"})"));
  CHECK(arrived.headers == key_header);
  auto restored = request_for({"outage", "restored", "17"});
  CHECK(restored.target == "/v1/outages/17/restored");
  CHECK(body_of(restored) == json::object{});
  auto notified = request_for({"outage", "notified", "17", "--note", "called the hospital's duty desk"});
  CHECK(notified.target == "/v1/outages/17/customers-notified");
  CHECK(body_of(notified) == json::parse(R"({"note":"called the hospital's duty desk"})"));
  CHECK(usage_code({"outage", "notified", "17"}) == 2);  // --note is required
}

TEST_CASE("item reads are GETs by number, lists ask for open items only with --open", "[gridctl][sla]") {
  CHECK(request_for({"outage", "get", "17"}) == http_request{"GET", "/v1/outages/17", "", {}});
  CHECK(request_for({"outage", "list"}).target == "/v1/outages");
  CHECK(request_for({"outage", "list", "--open"}).target == "/v1/outages?open=true");
  CHECK(request_for({"outage", "list", "--open", "--after", "40", "--limit", "20"}).target ==
        "/v1/outages?open=true&after=40&limit=20");
  CHECK(request_for({"outage", "list", "--limit", "5"}).target == "/v1/outages?limit=5");
  CHECK(request_for({"planned", "get", "2"}).target == "/v1/planned-outages/2");
  CHECK(request_for({"planned", "list"}).target == "/v1/planned-outages");
  CHECK(request_for({"complaint", "get", "5"}).target == "/v1/complaints/5");
  CHECK(request_for({"complaint", "list", "--open"}).target == "/v1/complaints?open=true");
  CHECK(request_for({"callback", "get", "9"}).target == "/v1/callbacks/9");
  CHECK(request_for({"callback", "list", "--open"}).target == "/v1/callbacks?open=true");
  CHECK(request_for({"analysis", "get", "3"}).target == "/v1/analyses/3");
  CHECK(request_for({"analysis", "list"}).target == "/v1/analyses");
  CHECK(usage_code({"complaint", "list", "--after", "3"}) == 2);  // only the outage list is paged
  CHECK(usage_code({"planned", "list", "--open"}) == 2);         // its route has no open filter
}

TEST_CASE("feed sends the JSON lines as written, as application/x-ndjson", "[gridctl][sla][feed]") {
  const std::string lines =
      R"({"event_id":"os-1","type":"outage.started","outage_ref":"A-9","equipment":["F-101"],"at":"2026-12-01T01:00:00Z"})"
      "\n"
      R"({"event_id":"os-2","type":"power.restored","outage_ref":"A-9","at":"2026-12-01T03:00:00Z"})"
      "\n";
  testing::temp_dir dir;
  auto file = dir.str() + "/feed.jsonl";
  std::ofstream(file, std::ios::binary) << lines;
  auto req = request_for({"feed", file, "--idempotency-key", "k-1"});
  CHECK(req.method == "POST");
  CHECK(req.target == "/v1/outage-feed");
  CHECK(req.body == lines);
  CHECK(req.content_type == "application/x-ndjson");
  CHECK(req.headers == key_header);
  CHECK(request_for({"feed", "-"}, lines).body == lines);
  CHECK(refusal_for({"feed", "-"}, "\n  \n") == "standard input: no events: give one JSON object a line");
  CHECK(refusal_for({"feed", dir.str() + "/none.jsonl"}).find("cannot read") != std::string::npos);
}

TEST_CASE("planned notice posts its kind, times and equipment", "[gridctl][sla]") {
  auto req = request_for({"planned", "notice", "--kind", "temporary", "--starts", "2026-12-03T01:00:00Z", "--ends",
                          "2026-12-03T05:00:00Z", "F-222", "F-310", "--description", "switchgear repair",
                          "--idempotency-key", "k-1"});
  CHECK(req.method == "POST");
  CHECK(req.target == "/v1/planned-outages");
  CHECK(body_of(req) == json::parse(R"({"kind":"temporary","equipment":["F-222","F-310"],
      "starts_at":"2026-12-03T01:00:00Z","ends_at":"2026-12-03T05:00:00Z","description":"switchgear repair"})"));
  CHECK(req.headers == key_header);
  CHECK(usage_code({"planned", "notice", "--kind", "planned", "--starts", "2026-12-03T01:00:00Z", "F-222"}) == 2);
}

TEST_CASE("complaint commands post to customer service's and the department's routes", "[gridctl][sla]") {
  auto reg = request_for({"complaint", "register", "--category", "power_quality", "--customer", "C-7", "--name",
                          "蓝海医院", "--contact", "+8613800000000", "--text", "lights flicker every evening"});
  CHECK(reg.method == "POST");
  CHECK(reg.target == "/v1/complaints");
  CHECK(body_of(reg) == json::parse(R"({"category":"power_quality","customer_id":"C-7","customer_name":"蓝海医院",
                                        "contact":"+8613800000000","text":"lights flicker every evening"})"));
  CHECK(body_of(request_for({"complaint", "register", "--category", "outage", "--text", "no power"})) ==
        json::parse(R"({"category":"outage","text":"no power"})"));
  CHECK(usage_code({"complaint", "register", "--category", "outage"}) == 2);  // --text is required

  auto fwd = request_for({"complaint", "forward", "5", "--idempotency-key", "k-1"});
  CHECK(fwd.target == "/v1/complaints/5/forward");
  CHECK(fwd.body == "{}");
  CHECK(fwd.headers == key_header);
  auto ack = request_for({"complaint", "ack", "5", "--department", "production"});
  CHECK(ack.method == "POST");
  CHECK(ack.target == "/v1/work/production/complaints/5/acknowledge");
  CHECK(ack.body == "{}");
  auto result = request_for({"complaint", "result", "5", "--department", "production", "--text", "tap changed"});
  CHECK(result.target == "/v1/work/production/complaints/5/result");
  CHECK(body_of(result) == json::parse(R"({"result":"tap changed"})"));
  CHECK(usage_code({"complaint", "ack", "5"}) == 2);  // --department is required
}

TEST_CASE("callback attempt sends the outcome, a score of 1 to 5 and dissatisfaction only for a customer reached",
          "[gridctl][sla]") {
  auto reached = request_for({"callback", "attempt", "9", "--outcome", "reached", "--satisfaction", "2",
                              "--dissatisfied", "--note", "still flickers", "--idempotency-key", "k-1"});
  CHECK(reached.method == "POST");
  CHECK(reached.target == "/v1/callbacks/9/attempts");
  CHECK(body_of(reached) ==
        json::parse(R"({"outcome":"reached","satisfaction":2,"satisfied":false,"note":"still flickers"})"));
  CHECK(reached.headers == key_header);
  CHECK(body_of(request_for({"callback", "attempt", "9", "--outcome", "no_answer"})) ==
        json::parse(R"({"outcome":"no_answer"})"));
  CHECK(body_of(request_for({"callback", "attempt", "9", "--outcome", "reached"})) ==
        json::parse(R"({"outcome":"reached"})"));  // satisfied unless --dissatisfied: the server's default
  CHECK(refusal_for({"callback", "attempt", "9", "--outcome", "busy"}) ==
        R"(--outcome must be reached or no_answer, not "busy")");
  CHECK(refusal_for({"callback", "attempt", "9", "--outcome", "reached", "--satisfaction", "6"}) ==
        "--satisfaction must be 1 to 5, not 6");
  CHECK(refusal_for({"callback", "attempt", "9", "--outcome", "reached", "--satisfaction", "0"}) ==
        "--satisfaction must be 1 to 5, not 0");
  CHECK(refusal_for({"callback", "attempt", "9", "--outcome", "no_answer", "--dissatisfied"}) ==
        "--satisfaction and --dissatisfied are for a customer reached");
}

TEST_CASE("analysis close, work, breaches and figures map to their routes", "[gridctl][sla]") {
  auto close = request_for({"analysis", "close", "3", "--department", "production", "--finding", "crew was late",
                            "--idempotency-key", "k-1"});
  CHECK(close.method == "POST");
  CHECK(close.target == "/v1/work/production/analyses/3/close");
  CHECK(body_of(close) == json::parse(R"({"finding":"crew was late"})"));
  CHECK(close.headers == key_header);
  CHECK(request_for({"work", "customer_service"}) == http_request{"GET", "/v1/work/customer_service", "", {}});
  CHECK(request_for({"work", "a b"}).target == "/v1/work/a%20b");
  CHECK(request_for({"breaches"}).target == "/v1/breaches");
  CHECK(request_for({"breaches", "--department", "production", "--month", "2026-11"}).target ==
        "/v1/breaches?department=production&month=2026-11");
  CHECK(request_for({"sla-figures"}).target == "/v1/sla/figures");
  CHECK(request_for({"sla-figures", "--month", "2026-11"}).target == "/v1/sla/figures?month=2026-11");
  CHECK(usage_code({"breaches", "--month", "November"}) == 2);
}

TEST_CASE("customers import sends a .csv file as text/csv and any other file as checked JSON",
          "[gridctl][customers]") {
  const std::string csv = "id,name,tier,connection_point,contacts\r\nC-7,蓝海医院,important,DT-2231,sms:+8613800000000\r\n";
  const std::string doc = R"({"customers":[{"id":"C-7","name":"蓝海医院","tier":"important"}]})";
  testing::temp_dir dir;
  std::ofstream(dir.str() + "/c.csv", std::ios::binary) << csv;
  std::ofstream(dir.str() + "/c.json") << doc;
  auto from_csv = request_for({"customers", "import", dir.str() + "/c.csv", "--idempotency-key", "k-1"});
  CHECK(from_csv.method == "POST");
  CHECK(from_csv.target == "/v1/customers");
  CHECK(from_csv.body == csv);
  CHECK(from_csv.content_type == "text/csv");
  CHECK(request_for({"customers", "import", dir.str() + "/c.csv", "--charset", "gb18030"}).content_type ==
        "text/csv; charset=gb18030");
  CHECK(from_csv.headers == key_header);
  auto from_json = request_for({"customers", "import", dir.str() + "/c.json"});
  CHECK(from_json.body == doc);
  CHECK(from_json.content_type == "application/json");
  CHECK(request_for({"customers", "import", "-"}, doc).body == doc);
  CHECK(refusal_for({"customers", "import", "-"}, R"({"rows":[]})") ==
        R"(standard input: the file must hold {"customers":[…]})");
}

TEST_CASE("customer reads and notifications ask only the filters given", "[gridctl][customers]") {
  CHECK(request_for({"customers", "list"}).target == "/v1/customers");
  CHECK(request_for({"customers", "list", "--point", "DT-2231", "--tier", "important", "--after", "C-1", "--limit",
                     "50"})
            .target == "/v1/customers?connection_point=DT-2231&tier=important&after=C-1&limit=50");
  CHECK(request_for({"customer", "get", "C 7"}) == http_request{"GET", "/v1/customers/C%207", "", {}});
  CHECK(request_for({"notifications"}).target == "/v1/notifications");
  CHECK(request_for({"notifications", "--state", "dead_lettered", "--cause", "outage/17"}).target ==
        "/v1/notifications?state=dead_lettered&cause=outage%2F17");
}
