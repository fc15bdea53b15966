// The capacity routes over HTTP against the real actors: the JSON of a point's
// capacity, a precheck, an application's steps, and the restricted list read
// anonymously. Default standards (planning limit 80 %, factor 1, minimum 0).
#include <catch2/catch.hpp>

#include <chrono>

#include "domain/month.hpp"
#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::bearer;

namespace {

const char* tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F1","kind":"feeder","parent":"T1","area_class":"rural","region":"东城区","rating_kva":10000}]})";

// F1's limit is 8,000 kVA; 7,000 measured leaves 1,000.
const char* m4 = R"({"rows":[
  {"equipment_id":"F1","peak_load_kva":7000,"load_rate_pct":70,"hours_above_heavy_h":0,"hours_above_overload_h":0}]})";

domain::month this_month() {
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return today.year() / today.month();
}

}  // namespace

TEST_CASE("capacity, precheck, applications and the restricted list over HTTP", "[system][capacity]") {
  testing::live_server s;
  auto c = s.client();
  auto admin = bearer(s.admin);
  REQUIRE(c.request("POST", "/v1/equipment/imports", tree, admin).status == 201);
  auto last = domain::to_string(this_month() - std::chrono::months{1});
  auto ahead = domain::to_string(this_month() + std::chrono::months{3});
  REQUIRE(c.request("PUT", "/v1/reports/dispatch/load_statistics/" + last, m4, admin).status == 201);

  auto cap = c.request("GET", "/v1/capacity/F1?month=" + ahead, "", admin);
  REQUIRE(cap.status == 200);
  auto j = cap.json().as_object();
  CHECK(j.at("available_kva") == 1000);
  CHECK(j.at("binding") == "F1");
  CHECK(j.at("status") == "green");
  CHECK(j.at("as_of") == boost::json::value(last));
  CHECK(j.at("path").as_array().size() == 3);
  CHECK(j.at("path").at(0).at("limit_kva") == 8000);
  CHECK(j.at("sources").at(0) == boost::json::value{{"kind", "load_statistics"}, {"month", last}, {"version", 1}});

  auto pre = c.request("POST", "/v1/prechecks",
                       R"({"point":"F1","load_kva":2000,"month":")" + ahead + R"("})", admin);
  REQUIRE(pre.status == 200);
  CHECK(pre.json().at("decision") == "no");
  CHECK(pre.json().at("load_kva") == 2000);
  CHECK(pre.json().at("available_kva") == 1000);
  CHECK(pre.json().at("relief_month").is_null());

  auto app = R"({"id":"NC-1","customer":"蓝海化工","point":"F1","requested_kva":400,"month":")" + ahead + R"("})";
  auto submitted = c.request("POST", "/v1/applications", app, admin);
  REQUIRE(submitted.status == 201);
  CHECK(submitted.headers["Location"] == "/v1/applications/NC-1");
  CHECK(submitted.json().at("application").at("state") == "submitted");
  CHECK(c.request("POST", "/v1/applications", app, admin).json().at("changed") == false);
  REQUIRE(c.request("POST", "/v1/applications/NC-1/approve", "", admin).status == 200);
  CHECK(c.request("GET", "/v1/capacity/F1?month=" + ahead, "", admin).json().at("available_kva") == 600);
  auto bad_key = c.request("POST", "/v1/applications/NC-1/approve", "", bearer(s.admin, {{"Idempotency-Key", ""}}));
  CHECK(bad_key.status == 400);

  auto issued = c.request("POST", "/v1/publications", "{}", bearer(s.admin, {{"Idempotency-Key", "m6-a"}}));
  REQUIRE(issued.status == 201);
  CHECK(issued.headers["Location"] == "/v1/publications/1");
  CHECK(c.request("POST", "/v1/publications", "{}", bearer(s.admin, {{"Idempotency-Key", "m6-a"}})).status == 200);
  auto csv = c.request("GET", "/v1/publications/latest?format=csv", "", {});
  REQUIRE(csv.status == 200);
  CHECK(csv.headers["Content-Type"] == "text/csv; charset=utf-8");
  CHECK(csv.body.find("region,point,kind") != std::string::npos);
  CHECK(c.request("GET", "/v1/publications/2", "", {}).status == 404);
  auto zh = c.request("GET", "/v1/publications/1?format=html", "", {});
  REQUIRE(zh.status == 200);
  CHECK(zh.headers["Content-Language"] == "zh-CN");
  CHECK(zh.body.find("<html lang=\"zh-CN\">") != std::string::npos);
  auto en = c.request("GET", "/v1/publications/1?format=html&lang=en", "", {});
  REQUIRE(en.status == 200);
  CHECK(en.body.find("<html lang=\"en\">") != std::string::npos);
  auto fr = c.request("GET", "/v1/publications/1?format=html&lang=fr", "", {});
  CHECK(fr.status == 400);
  CHECK(fr.json().at("error").at("code") == "invalid_request");

  auto far = c.request("GET", "/v1/capacity/F1?month=" + domain::to_string(this_month() + std::chrono::months{30}), "",
                       admin);
  CHECK(far.status == 400);
  CHECK(c.request("GET", "/v1/capacity/F9?month=" + ahead, "", admin).status == 404);
  CHECK(c.request("GET", "/v1/capacity/F1", "", admin).status == 400);  // the month is required
}
