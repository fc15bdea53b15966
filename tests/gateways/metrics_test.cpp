// GET /metrics: counters per route pattern, the latency histogram, open
// connections, the event log's figures and open inbox items.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "gateways/detail/route_labels.hpp"
#include "gateways/metrics.hpp"
#include "tests/gateways/support/exposition.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2027-03";
const std::string m1_pattern = "/v1/reports/{department}/{kind}/{month}";
const std::string m1_body =
    R"({"rows":[{"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,)"
    R"("expected_month":"2027-03","likelihood_pct":80}]})";
const headers anonymous{{"Authorization", ""}};

std::string requests_key(std::string_view route, std::string_view method, unsigned status) {
  return fmt::format(R"(gridcoord_http_requests_total{{route="{}",method="{}",status="{}"}})", route, method,
                     status);
}

// A server over a fake client, with an optional metrics source.
struct metrics_fixture {
  explicit metrics_fixture(gateways::metrics_source source = {},
                           config::server_settings s = server_fixture::small_settings())
      : server(s, fake, {}, std::move(source)) {
    auto started = server.start();
    REQUIRE(started);
  }
  test_client connect() const { return test_client(server.port()); }
  exposition scrape() const {
    auto r = connect().request(verb::get, "/metrics", "", anonymous);
    REQUIRE(r.result_int() == 200);
    auto e = parse_exposition(r.body());
    INFO(r.body());
    REQUIRE(e.problems.empty());
    return e;
  }

  fake_client fake;
  gateways::http_server server;
};

domain::inbox_item item(domain::item_id id, bool acknowledged) {
  domain::inbox_item i{id, domain::department::marketing, "large_customer_demand",
                       *domain::parse_month("2027-03"), 1, fake_client::fixed_time, std::nullopt};
  if (acknowledged) i.ack = domain::acknowledgement{"wang.fang", fake_client::fixed_time};
  return i;
}

}  // namespace

TEST_CASE("request counters move by exactly the requests made, per route pattern and status",
          "[gateways][metrics]") {
  metrics_fixture f;
  auto before = f.scrape();
  auto c = f.connect();
  CHECK(c.request(verb::put, m1_path, m1_body).result_int() == 201);
  CHECK(c.request(verb::put, m1_path, m1_body).result_int() == 201);
  CHECK(c.request(verb::get, m1_path).result_int() == 200);
  CHECK(c.request(verb::get, m1_path + "?version=9").result_int() == 404);
  CHECK(c.request(verb::delete_, m1_path).result_int() == 405);
  CHECK(c.request(verb::get, "/v1/nowhere/2027-03").result_int() == 404);
  CHECK(c.request(verb::get, "/v1/departments/planning/inbox").result_int() == 200);
  auto after = f.scrape();

  std::map<std::string, double> moved;
  for (const auto& [key, value] : after.starting_with("gridcoord_http_requests_total{"))
    if (key.find(R"(route="/metrics")") == std::string::npos && value != before.value(key))
      moved[key] = value - before.value(key);
  CHECK(moved == std::map<std::string, double>{
                     {requests_key(m1_pattern, "PUT", 201), 2},
                     {requests_key(m1_pattern, "GET", 200), 1},
                     {requests_key(m1_pattern, "GET", 404), 1},
                     {requests_key(m1_pattern, "DELETE", 405), 1},
                     {requests_key("unmatched", "GET", 404), 1},
                     {requests_key("/v1/departments/{department}/inbox", "GET", 200), 1},
                 });
  auto scrapes = requests_key("/metrics", "GET", 200);
  CHECK(after.value(scrapes) == before.value(scrapes) + 1);
  for (const auto& [key, value] : after.samples) {
    INFO(key);
    CHECK(key.find("2027-03") == std::string::npos);  // never a raw path
  }
}

TEST_CASE("histogram buckets are cumulative and _count equals the requests", "[gateways][metrics]") {
  metrics_fixture f;
  auto c = f.connect();
  for (int i = 0; i < 3; ++i) CHECK(c.request(verb::get, "/v1/health").result_int() == 200);
  auto e = f.scrape();
  const std::string labels = R"(route="/v1/health",method="GET")";
  double previous = 0;
  for (double bound : gateways::duration_buckets) {
    auto key = fmt::format("gridcoord_http_request_duration_seconds_bucket{{{},le=\"{}\"}}", labels, bound);
    INFO(key);
    REQUIRE(e.samples.count(key) == 1);
    CHECK(e.samples.at(key) >= previous);
    previous = e.samples.at(key);
  }
  auto inf = e.value("gridcoord_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"}");
  CHECK(inf >= previous);
  CHECK(inf == 3);
  CHECK(e.value("gridcoord_http_request_duration_seconds_count{" + labels + "}") == 3);
  CHECK(e.value("gridcoord_http_request_duration_seconds_sum{" + labels + "}") > 0);
  CHECK(e.types.at("gridcoord_http_request_duration_seconds") == "histogram");
}

TEST_CASE("open inbox items are counted per department from the inbox answers", "[gateways][metrics]") {
  metrics_fixture f;
  f.fake.add_inbox_item(domain::department::planning, item(1, false));
  f.fake.add_inbox_item(domain::department::planning, item(2, true));
  f.fake.add_inbox_item(domain::department::planning, item(3, false));
  f.fake.add_inbox_item(domain::department::dispatch, item(4, false));
  auto e = f.scrape();
  CHECK(e.starting_with("gridcoord_inbox_open_items") == std::map<std::string, double>{
            {R"(gridcoord_inbox_open_items{department="planning"})", 2},
            {R"(gridcoord_inbox_open_items{department="dispatch"})", 1},
            {R"(gridcoord_inbox_open_items{department="production"})", 0},
            {R"(gridcoord_inbox_open_items{department="marketing"})", 0},
            {R"(gridcoord_inbox_open_items{department="customer_service"})", 0},
        });
  CHECK(f.connect().request(verb::post, "/v1/departments/planning/inbox/1/ack").result_int() == 200);
  CHECK(f.scrape().value(R"(gridcoord_inbox_open_items{department="planning"})") == 1);
}

TEST_CASE("a department whose inbox does not answer is left out and the scrape still answers",
          "[gateways][metrics]") {
  metrics_fixture f;
  f.fake.fail_next_call({domain::errc::unavailable, "the planning actor is down", {}});
  auto e = f.scrape();  // planning's inbox is the scrape's first call
  auto open = e.starting_with("gridcoord_inbox_open_items");
  CHECK(open.size() == 4);
  CHECK(open.count(R"(gridcoord_inbox_open_items{department="planning"})") == 0);
}

TEST_CASE("a scrape waiting for inbox answers does not hold up the io thread", "[gateways][metrics]") {
  auto settings = server_fixture::small_settings();
  settings.io_threads = 1;
  metrics_fixture f({}, settings);
  f.fake.hold();
  auto scraper = f.connect();
  scraper.send(make_request(verb::get, "/metrics"));
  f.fake.wait_until_held(domain::all_departments.size());
  // The only io thread is free: a request that needs no answer from the actors is served.
  CHECK(f.connect().request(verb::get, "/v1/openapi.json", "", anonymous).result_int() == 200);
  f.fake.release();
  auto r = scraper.read();
  CHECK(r.result_int() == 200);
  CHECK(parse_exposition(r.body()).starting_with("gridcoord_inbox_open_items").size() == 5);
}

TEST_CASE("the exposition parses line by line and is text/plain 0.0.4, without a token",
          "[gateways][metrics]") {
  metrics_fixture f;
  auto a = f.connect();
  auto b = f.connect();
  CHECK(a.request(verb::get, "/v1/health").result_int() == 200);  // both sessions are open now
  CHECK(b.request(verb::get, "/v1/health").result_int() == 200);
  auto r = f.connect().request(verb::get, "/metrics", "", anonymous);
  REQUIRE(r.result_int() == 200);
  CHECK(r[http::field::content_type] == "text/plain; version=0.0.4");
  CHECK(r["X-Request-Id"].size() == 16);
  auto e = parse_exposition(r.body());
  INFO(r.body());
  CHECK(e.problems.empty());
  CHECK(e.types == std::map<std::string, std::string>{
                       {"gridcoord_http_requests_total", "counter"},
                       {"gridcoord_http_request_duration_seconds", "histogram"},
                       {"gridcoord_http_connections_open", "gauge"},
                       {"gridcoord_inbox_open_items", "gauge"},
                   });
  CHECK(e.value("gridcoord_http_connections_open") == 3);
}

TEST_CASE("event log figures come from the metrics source", "[gateways][metrics]") {
  gateways::log_figures figures{7, 300, std::nullopt};
  metrics_fixture f({[&figures] { return figures; }});
  auto e = f.scrape();
  CHECK(e.value("gridcoord_event_log_batches_total") == 7);
  CHECK(e.value("gridcoord_event_log_events_total") == 300);
  CHECK(e.types.count("gridcoord_event_log_appends_total") == 0);  // not known: not reported
  figures = {8, 364, 40};
  auto later = f.scrape();
  CHECK(later.value("gridcoord_event_log_batches_total") == 8);
  CHECK(later.value("gridcoord_event_log_events_total") == 364);
  CHECK(later.value("gridcoord_event_log_appends_total") == 40);
  CHECK(later.types.at("gridcoord_event_log_events_total") == "counter");
}

TEST_CASE("each year the metrics source names is a gauge: 1 with its holidays, 0 without",
          "[gateways][metrics][calendar]") {
  gateways::metrics_source source;
  source.calendar = [] { return std::vector<gateways::calendar_year>{{2026, true}, {2027, false}}; };
  metrics_fixture f(source);
  auto e = f.scrape();
  CHECK(e.value(R"(gridcoord_calendar_year_covered{year="2026"})") == 1);
  CHECK(e.value(R"(gridcoord_calendar_year_covered{year="2027"})") == 0);
  CHECK(e.types.at("gridcoord_calendar_year_covered") == "gauge");
  metrics_fixture without;
  CHECK(without.scrape().types.count("gridcoord_calendar_year_covered") == 0);
}

TEST_CASE("the group-commit batch sizes are a cumulative histogram with _sum and _count",
          "[gateways][metrics]") {
  gateways::histogram_figures sizes{{1, 2, 4, 8}, {3, 0, 2, 1, 1}, 3 + 2 * 4 + 7 + 20};
  gateways::log_figures figures{7, 38, 9, sizes};
  metrics_fixture f({[&figures] { return figures; }});
  auto e = f.scrape();
  const std::string name = "gridcoord_event_log_batch_events";
  CHECK(e.types.at(name) == "histogram");
  CHECK(e.value(name + R"(_bucket{le="1"})") == 3);
  CHECK(e.value(name + R"(_bucket{le="2"})") == 3);
  CHECK(e.value(name + R"(_bucket{le="4"})") == 5);
  CHECK(e.value(name + R"(_bucket{le="8"})") == 6);
  CHECK(e.value(name + R"(_bucket{le="+Inf"})") == 7);
  CHECK(e.value(name + "_sum") == 38);
  CHECK(e.value(name + "_count") == 7);
  CHECK(e.starting_with(name + "_bucket").size() == 5);

  std::string text;
  gateways::render_event_log(gateways::log_figures{7, 38, 9, std::nullopt}, text);
  CHECK(text.find(name) == std::string::npos);  // not known: not reported
}

TEST_CASE("a duration lands in the first bucket whose bound is not below it", "[gateways][metrics]") {
  gateways::http_metrics m;
  using std::chrono::microseconds;
  m.record("/r", "GET", 200, microseconds{500});     // exactly 0.0005 s
  m.record("/r", "GET", 200, microseconds{501});     // just above
  m.record("/r", "GET", 200, std::chrono::seconds{11});
  m.record("/r", "GET", 777, microseconds{1});       // no such status: counted as 599
  std::string text;
  m.render(text);
  auto e = parse_exposition(text);
  REQUIRE(e.problems.empty());
  const std::string b = R"(gridcoord_http_request_duration_seconds_bucket{route="/r",method="GET",le=")";
  CHECK(e.value(b + "0.0005\"}") == 2);
  CHECK(e.value(b + "0.001\"}") == 3);
  CHECK(e.value(b + "10\"}") == 3);
  CHECK(e.value(b + "+Inf\"}") == 4);
  CHECK(e.value(requests_key("/r", "GET", 200)) == 3);
  CHECK(e.value(requests_key("/r", "GET", 599)) == 1);
}

TEST_CASE("label values are escaped", "[gateways][metrics]") {
  CHECK(gateways::escape_label_value("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
  CHECK(gateways::escape_label_value("/v1/reports/{department}") == "/v1/reports/{department}");
}

TEST_CASE("route labels name the pattern the router would pick, never the raw path", "[gateways][metrics]") {
  using gateways::http_verb;
  gateways::detail::route_labels labels({{http_verb::get, "/v1/health"},
                                         {http_verb::put, m1_pattern},
                                         {http_verb::get, m1_pattern},
                                         {http_verb::get, "/v1/tokens/export"},
                                         {http_verb::delete_, "/v1/tokens/{id}"}});
  auto check = [&](std::string_view method, std::string_view target, std::string_view route,
                   std::string_view method_label) {
    INFO(method << " " << target);
    auto l = labels.of(method, target);
    CHECK(l.route == route);
    CHECK(l.method == method_label);
  };
  check("GET", m1_path + "?version=2", m1_pattern, "GET");
  check("DELETE", m1_path, m1_pattern, "DELETE");             // 405: still the pattern
  check("DELETE", "/v1/tokens/export", "/v1/tokens/{id}", "DELETE");
  check("GET", "/v1/tokens/export", "/v1/tokens/export", "GET");
  check("BREW", "/v1/health", "/v1/health", "OTHER");
  check("GET", "/v1/nowhere", "unmatched", "GET");
  check("GET", "/v1/%zz", "unmatched", "GET");
  check("-", "-", "unmatched", "OTHER");                      // no request arrived
}
