// Error answers in the language the client asks for (Accept-Language): the
// message and every detail's reason in Chinese for zh-CN, everything a client
// matches on (code, rule, row, field, value) unchanged, English without the
// header; Content-Language and Vary on every error answer, protocol failures
// included.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2027-03";
const std::string bad_rows = R"({"rows":[
  {"customer":"Hengda Steel","feeder":"F-101","demand_kw":"1.2.3","expected_month":"2027-03","likelihood_pct":80},
  {"customer":"蓝海冷链","feeder":"F-101","demand_kw":450,"expected_month":"2027-04","likelihood_pct":101}]})";
const headers chinese{{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"}};

std::string message_of(const response& r) { return std::string(json_of(r).at("error").at("message").as_string()); }

bool has_han(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE4 && c <= 0xE9) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a 422 for bad report rows asked in zh-CN has Chinese message and reasons; code, rule, row, field and "
          "value are those of the English answer",
          "[gateways][languages]") {
  server_fixture f;
  auto en = f.request(verb::put, m1_path, bad_rows);
  auto zh = f.request(verb::put, m1_path, bad_rows, chinese);
  REQUIRE(en.result_int() == 422);
  REQUIRE(zh.result_int() == 422);
  CHECK(en[http::field::content_language] == "en");
  CHECK(zh[http::field::content_language] == "zh-CN");
  CHECK(zh[http::field::vary] == "Accept-Language");
  auto e = json_of(en).at("error");
  auto z = json_of(zh).at("error");
  CHECK(e.at("message") == "2 problem(s) in the large_customer_demand report; nothing was stored");
  CHECK(z.at("message") == "large_customer_demand 报表中有 2 处问题；未保存任何内容");
  CHECK(z.at("code") == e.at("code"));
  const auto& ed = e.at("details").as_array();
  const auto& zd = z.at("details").as_array();
  REQUIRE(ed.size() == 2);
  REQUIRE(zd.size() == 2);
  CHECK(ed[0].at("reason") == "must be a number");
  CHECK(ed[1].at("reason") == "must be at most 100");
  CHECK(zd[0].at("reason") == "须为数值");
  CHECK(zd[1].at("reason") == "不得大于 100");
  for (std::size_t i = 0; i < 2; ++i)
    for (auto key : {"rule", "row", "field", "value"}) {
      INFO(i << " " << key);
      CHECK(zd[i].at(key) == ed[i].at(key));
    }
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("without Accept-Language, or with one we do not speak, errors are English as before",
          "[gateways][languages]") {
  server_fixture f;
  for (const headers& h : {headers{}, headers{{"Accept-Language", "fr-FR, de;q=0.5"}}}) {
    auto r = f.request(verb::get, "/v1/nowhere", "", h);
    REQUIRE(r.result_int() == 404);
    CHECK(message_of(r) == "no resource at /v1/nowhere");
    CHECK(r[http::field::content_language] == "en");
    CHECK(r[http::field::vary] == "Accept-Language");
  }
  auto ok = f.request(verb::get, "/v1/health", "", chinese);
  CHECK(ok.result_int() == 200);
  CHECK(ok.find(http::field::content_language) == ok.end());  // only error answers vary by language
}

TEST_CASE("a CSV in a charset the server does not read is 415 in Chinese naming the charsets it reads",
          "[gateways][languages]") {
  server_fixture f;
  headers h = chinese;
  h.emplace_back("Content-Type", "text/csv; charset=ISO-8859-1");
  auto r = f.request(verb::put, m1_path, "customer\nA\n", h);
  REQUIRE(r.result_int() == 415);
  CHECK(message_of(r) == "CSV 请求体按 UTF-8 或 GB18030 读取：请以 charset=utf-8、gb18030、gbk 或 gb2312 发送（GBK 和 "
                         "GB2312 按 GB18030 读取），或不写 charset，由服务器识别；不能是 ISO-8859-1");
  CHECK(json_of(r).at("error").at("code") == "invalid_request");
}

TEST_CASE("a CSV that is neither UTF-8 nor GB18030 is 400 in Chinese naming the Excel menus 另存为 and CSV UTF-8",
          "[gateways][languages]") {
  server_fixture f;
  headers h = chinese;
  h.emplace_back("Content-Type", "text/csv");
  auto r = f.request(verb::put, m1_path, "customer\nA\xFF\n", h);
  REQUIRE(r.result_int() == 400);
  auto m = message_of(r);
  CHECK(m.starts_with("文件第 2 行既不是 UTF-8 也不是 GB18030 编码"));
  CHECK(m.find("另存为") != std::string::npos);
  CHECK(m.find("CSV UTF-8（逗号分隔）") != std::string::npos);
  CHECK(json_of(r).at("error").at("code") == "invalid_request");
}

TEST_CASE("a CSV file that is not the text its charset says is 400 in Chinese naming the Excel menus 另存为 and "
          "CSV UTF-8",
          "[gateways][languages]") {
  server_fixture f;
  headers h = chinese;
  h.emplace_back("Content-Type", "text/csv; charset=utf-8");
  auto r = f.request(verb::put, m1_path, "customer,feeder\n\xC0\xB6,F-1\n", h);  // GBK bytes called UTF-8
  REQUIRE(r.result_int() == 400);
  auto m = message_of(r);
  CHECK(m.starts_with("文件第 2 行不是 UTF-8 编码：该行第 1 个字节"));
  CHECK(m.find("0xC0 不是有效的 UTF-8 文本") != std::string::npos);
  CHECK(m.ends_with("请另存为 UTF-8：在 Excel 中依次点 文件 → 另存为，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”"));
  CHECK(r[http::field::content_language] == "zh-CN");
  CHECK(f.fake.submissions().empty());
}

TEST_CASE("401, 403, 404, 405 and a bad JSON body speak the language asked for", "[gateways][languages]") {
  server_fixture f;
  headers anonymous = chinese;
  anonymous.emplace_back("Authorization", "");
  CHECK(message_of(f.request(verb::get, "/v1/events", "", anonymous)) ==
        "此请求需要令牌：请发送请求头 \"Authorization: Bearer <token>\"");
  CHECK(message_of(f.request(verb::get, "/v1/nowhere", "", chinese)) == "/v1/nowhere 处没有资源");
  auto method = f.request(verb::post, "/v1/validation-rules", "{}", chinese);
  CHECK(method.result_int() == 405);
  CHECK(message_of(method) == "/v1/validation-rules 不接受 POST 方法；允许的方法：GET");
  CHECK(method[http::field::allow] == "GET");
  auto json = f.request(verb::put, m1_path, "{", chinese);
  CHECK(json.result_int() == 400);
  CHECK(message_of(json).starts_with("请求体不是有效的 JSON："));
}

TEST_CASE("a header too large to parse is answered 431 in the language its bytes ask for", "[gateways][languages]") {
  server_fixture f;  // max_header_bytes = 2048
  auto c = f.connect();
  c.write_raw("GET /v1/health HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\nX-Padding: " + std::string(4000, 'a') +
              "\r\n\r\n");
  auto r = c.read();
  REQUIRE(r.result_int() == 431);
  CHECK(r[http::field::content_language] == "zh-CN");
  CHECK(message_of(r) == "请求头超过 2048 字节");
}

TEST_CASE("a connection beyond max_connections is refused with a 503 in the language it asks for",
          "[gateways][languages]") {
  auto s = server_fixture::small_settings();
  s.max_connections = 1;
  server_fixture f(s);
  auto first = f.connect();
  CHECK(first.request(verb::get, "/v1/health").result_int() == 200);
  auto second = f.connect();
  second.write_raw("GET /v1/health HTTP/1.1\r\nHost: x\r\nAccept-Language: zh\r\n\r\n");
  auto r = second.read();
  REQUIRE(r.result_int() == 503);
  CHECK(message_of(r) == "服务器打开的连接过多，请稍后重试");
  CHECK(r[http::field::content_language] == "zh-CN");
  CHECK(second.closed_by_server());
}

TEST_CASE("every error the gateway answers in zh-CN is Chinese", "[gateways][languages]") {
  server_fixture f;
  for (const auto& [method, target] : std::vector<std::pair<verb, std::string>>{
           {verb::get, "/v1/reports/nobody/large_customer_demand/2027-03"},
           {verb::get, "/v1/reports/marketing/large_customer_demand/27-3"},
           {verb::get, "/v1/departments/planning/inbox?limit=x"},
           {verb::post, "/v1/batch"}}) {
    auto r = f.request(method, target, method == verb::post ? "{}" : "", chinese);
    INFO(target << " " << r.body());
    CHECK(r.result_int() >= 400);
    CHECK(has_han(message_of(r)));
  }
}

TEST_CASE("a token over its request rate is told so in Chinese, with its Retry-After", "[gateways][languages]") {
  auto settings = server_fixture::small_settings();
  settings.rate_limit_per_second = 1;
  settings.rate_limit_burst = 1;
  server_fixture f(settings);
  CHECK(f.request(verb::get, "/v1/events", "", chinese).result_int() == 200);
  auto limited = f.request(verb::get, "/v1/events", "", chinese);
  REQUIRE(limited.result_int() == 429);
  auto m = message_of(limited);
  CHECK(m.starts_with("令牌 "));
  CHECK(m.find("的请求超过了速率上限；请在 ") != std::string::npos);
  CHECK(m.ends_with(" 毫秒后重试"));
  CHECK_FALSE(limited[http::field::retry_after].empty());
}
