// GET /v1/publications/{number}: ?lang= picks the page's language (the
// settings' default when absent), an unknown lang is a 400 in the error
// envelope, and the page names the configured issuer, contact and zone.
#include <catch2/catch.hpp>

#include <chrono>

#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using namespace std::chrono;
using http::verb;

namespace {

domain::capacity::publication one_entry() {
  domain::capacity::publication p;
  p.number = 4;
  p.period = 2026y / November;
  p.restricted_month = 2026y / December;
  p.issued_at = domain::time_point{sys_days{2026y / December / 3} + 1h};
  p.issued_by = "schedule";
  p.as_of = 2026y / October;
  domain::capacity::constrained_point e;
  e.point = "F-222";
  e.kind = domain::equipment_kind::feeder;
  e.region = "蓝海新区";
  e.available_kva = -40;
  e.binding = "F-222";
  e.status = domain::capacity::light::red;
  e.reason = "F-222 has -40 kVA of headroom in 2026-12, at or below the 0 kVA minimum";
  e.cause = domain::capacity::limit_cause::no_headroom;
  e.cause_element = "F-222";
  p.entries = {e};
  return p;
}

config::server_settings with_publishers(std::string language) {
  auto s = server_fixture::small_settings();
  s.time_zone = "Asia/Shanghai";
  s.publication_page.language = std::move(language);
  s.publication_page.zh_cn = {"蓝海供电公司 营销部", "客户服务热线 95598"};
  s.publication_page.en = {"Lanhai Power Supply Company", "Customer service 95598"};
  return s;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("GET /v1/publications/latest?format=html answers the page in the language asked, zh-CN by default",
          "[gateways][publication]") {
  server_fixture f{with_publishers("zh-CN")};
  f.fake.set_publication(one_entry());

  auto plain = f.request(verb::get, "/v1/publications/latest?format=html", "", {{"Authorization", ""}});
  REQUIRE(plain.result_int() == 200);
  CHECK(plain[http::field::content_type] == "text/html; charset=utf-8");
  CHECK(plain[http::field::content_language] == "zh-CN");
  CHECK(plain.body().rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
  CHECK(has(plain.body(), "<dd>蓝海供电公司 营销部</dd>"));
  CHECK(has(plain.body(), ">2026-12-03 09:00 (+08:00)</time>"));
  CHECK(has(plain.body(), ">馈线 F-222 可开放容量不足</td>"));

  auto en = f.request(verb::get, "/v1/publications/latest?format=html&lang=en", "", {{"Authorization", ""}});
  REQUIRE(en.result_int() == 200);
  CHECK(en[http::field::content_language] == "en");
  CHECK(en.body().rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(has(en.body(), "<dd>Lanhai Power Supply Company</dd>"));
  CHECK(has(en.body(), ">Feeder F-222 has no spare capacity left</td>"));

  auto zh = f.request(verb::get, "/v1/publications/4?format=html&lang=zh-cn", "", {{"Authorization", ""}});
  REQUIRE(zh.result_int() == 200);  // a language tag in any letter case
  CHECK(zh[http::field::content_language] == "zh-CN");
}

TEST_CASE("the settings' language is the page's when the request names none", "[gateways][publication]") {
  server_fixture f{with_publishers("en")};
  f.fake.set_publication(one_entry());
  auto page = f.request(verb::get, "/v1/publications/latest?format=html");
  REQUIRE(page.result_int() == 200);
  CHECK(page.body().rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  auto zh = f.request(verb::get, "/v1/publications/latest?format=html&lang=zh-CN");
  CHECK(zh.body().rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
}

TEST_CASE("an unknown lang is a 400 in the error envelope, whatever the format", "[gateways][publication]") {
  server_fixture f{with_publishers("zh-CN")};
  f.fake.set_publication(one_entry());
  for (const char* target : {"/v1/publications/latest?format=html&lang=fr", "/v1/publications/4?lang=fr",
                             "/v1/publications/latest?format=csv&lang=fr"}) {
    auto r = f.request(verb::get, target, "", {{"Authorization", ""}});
    CHECK(r.result_int() == 400);
    auto body = json_of(r);
    CHECK(body.at("error").at("code") == "invalid_request");
    CHECK(body.at("error").at("message") == "lang must be zh-CN or en");
    CHECK(body.at("error").at("details").at(0).at("field") == "lang");
    CHECK(body.at("error").at("details").at(0).at("value") == "fr");
    CHECK(body.at("error").at("details").at(0).at("rule") == "not_one_of");
  }
  auto empty = f.request(verb::get, "/v1/publications/latest?format=html&lang=");
  CHECK(empty.result_int() == 400);
}

TEST_CASE("lang leaves the JSON and the CSV as they are", "[gateways][publication]") {
  server_fixture f{with_publishers("zh-CN")};
  f.fake.set_publication(one_entry());
  auto zh = f.request(verb::get, "/v1/publications/latest?format=csv&lang=zh-CN");
  auto en = f.request(verb::get, "/v1/publications/latest?format=csv&lang=en");
  REQUIRE(zh.result_int() == 200);
  CHECK(zh.body() == en.body());
  CHECK(zh.body() == domain::capacity::render_csv(one_entry()));
  auto json = f.request(verb::get, "/v1/publications/latest?lang=en");
  REQUIRE(json.result_int() == 200);
  CHECK(json.body() == domain::capacity::encode_publication(one_entry()));
  CHECK(json[http::field::content_language] == "");
}
