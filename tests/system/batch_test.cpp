// POST /v1/batch through the real actor runtime: all or nothing, once per key.
#include <catch2/catch.hpp>

#include "tests/support/http_client.hpp"
#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::bearer;

namespace {

std::uint64_t last_seq(testing::http_client& c, const std::string& token) {
  auto r = c.request("GET", "/v1/health", "", bearer(token));
  REQUIRE(r.status == 200);
  return r.json().at("last_seq").to_number<std::uint64_t>();
}

const std::string two_reports_and_an_unknown_item =
    R"({"operations":[)"
    R"({"method":"PUT","path":"/v1/reports/marketing/large_customer_demand/2026-11","body":)" + testing::m1_body + "}," +
    R"({"method":"PUT","path":"/v1/reports/marketing/large_customer_demand/2026-12","body":)" + testing::m1_body + "}," +
    R"({"method":"POST","path":"/v1/departments/planning/inbox/999/ack","body":{"by":"li.wei"}}]})";

}  // namespace

TEST_CASE("a batch with one operation that cannot be applied appends nothing", "[system][batch]") {
  testing::live_server s;
  auto c = s.client();
  auto before = last_seq(c, s.admin);
  auto r = c.request("POST", "/v1/batch", two_reports_and_an_unknown_item, bearer(s.admin));
  REQUIRE(r.status == 404);
  CHECK(r.json().at("error").at("details").at(0).at("row") == 3);
  CHECK(last_seq(c, s.admin) == before);
  CHECK(c.request("GET", "/v1/reports/marketing/large_customer_demand/2026-11", "", bearer(s.admin)).status == 404);
  CHECK(c.request("GET", "/v1/departments/planning/inbox", "", bearer(s.admin)).json().at("items").as_array().empty());
}

TEST_CASE("a batch commits every operation, and its key replays it once", "[system][batch]") {
  testing::live_server s;
  auto c = s.client();
  auto first = c.request("PUT", testing::m1_path, testing::m1_body, bearer(s.admin));
  REQUIRE(first.status == 201);
  auto item = std::to_string(first.json().at("seq").as_int64());
  std::string body = R"({"operations":[)"
                     R"({"method":"PUT","path":"/v1/reports/marketing/large_customer_demand/2026-11","body":)" +
                     testing::m1_body + "}," +
                     R"({"method":"POST","path":"/v1/departments/planning/inbox/)" + item + R"(/ack","body":{"by":"li.wei"}},)" +
                     R"({"method":"POST","path":"/v1/tokens","body":{"role":"liaison:planning"}}]})";
  auto r = c.request("POST", "/v1/batch", body, bearer(s.admin, {{"Idempotency-Key", "b-1"}}));
  REQUIRE(r.status == 201);
  auto receipt = r.json();
  CHECK(receipt.at("last_seq").as_int64() - receipt.at("first_seq").as_int64() == 2);
  CHECK(last_seq(c, s.admin) == receipt.at("last_seq").to_number<std::uint64_t>());
  auto token = std::string(receipt.at("results").at(2).at("result").at("token").as_string());
  // The new token works at once: it can read its department's inbox, acknowledged by the batch.
  auto inbox = c.request("GET", "/v1/departments/planning/inbox", "", bearer(token));
  REQUIRE(inbox.status == 200);
  CHECK(inbox.json().at("items").at(0).at("acknowledged").at("by").as_string().starts_with("li.wei"));
  CHECK(inbox.json().at("items").as_array().size() == 2);

  auto again = c.request("POST", "/v1/batch", body, bearer(s.admin, {{"Idempotency-Key", "b-1"}}));
  REQUIRE(again.status == 200);
  CHECK(again.json().at("replayed") == true);
  CHECK(again.json().at("first_seq") == receipt.at("first_seq"));
  CHECK(again.json().at("results").at(2).at("result").at("token").is_null());
  CHECK(last_seq(c, s.admin) == receipt.at("last_seq").to_number<std::uint64_t>());
}
