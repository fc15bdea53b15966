// POST /v1/batch against the fake actor system: authorization and validation
// of every operation before anything reaches the actors.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/batch.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

namespace {

const std::string m1_row =
    R"({"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80})";
const std::string put_m1 = R"({"method":"PUT","path":"/v1/reports/marketing/large_customer_demand/2027-03","body":{"rows":[)" +
                           m1_row + "]}}";
const std::string ack_planning = R"({"method":"POST","path":"/v1/departments/planning/inbox/7/ack","body":{"by":"li.wei"}})";
const std::string new_token = R"({"method":"POST","path":"/v1/tokens","body":{"role":"reader"}})";

std::string batch(std::initializer_list<std::string> ops) {
  std::string out = R"({"operations":[)";
  for (const auto& op : ops) out += (out.back() == '[' ? "" : ",") + op;
  return out + "]}";
}

std::string liaison_token(server_fixture& f, std::string role) {
  auto r = f.request(verb::post, "/v1/tokens", R"({"role":")" + role + R"("})");
  REQUIRE(r.result_int() == 201);
  return std::string(json_of(r).at("token").as_string());
}

std::vector<std::size_t> rows_named(const json::value& error) {
  std::vector<std::size_t> out;
  for (const auto& d : error.at("error").at("details").as_array()) out.push_back(d.at("row").to_number<std::size_t>());
  return out;
}

}  // namespace

TEST_CASE("a batch reaches the actors as its operations, in order, parsed as their endpoints parse them",
          "[gateways][batch]") {
  server_fixture f;
  auto r = f.request(verb::post, "/v1/batch", batch({put_m1, ack_planning, new_token,
                                                      R"({"method":"DELETE","path":"/v1/tokens/tk_x"})"}),
                     {{"Idempotency-Key", "nightly-42"}});
  REQUIRE(r.result_int() == 201);
  CHECK(r[http::field::cache_control] == "no-store");
  auto batches = f.fake.batches();
  REQUIRE(batches.size() == 1);
  const auto& ops = batches[0].operations;
  REQUIRE(ops.size() == 4);
  CHECK(ops[0].kind == actors::batch_op_kind::submit_report);
  CHECK(ops[0].report.kind == "large_customer_demand");
  REQUIRE(ops[0].report.rows.size() == 1);
  CHECK(ops[0].report.rows[0][3].number == 1250.5);
  CHECK(ops[1].kind == actors::batch_op_kind::acknowledge);
  CHECK(ops[1].recipient == domain::department::planning);
  CHECK(ops[1].item == 7);
  CHECK(ops[1].by.starts_with("li.wei (tk_"));
  CHECK(ops[2].kind == actors::batch_op_kind::create_token);
  CHECK(ops[2].role == "reader");
  CHECK(ops[3].kind == actors::batch_op_kind::revoke_token);
  CHECK(ops[3].token_id == "tk_x");
  CHECK(batches[0].idempotency_key == "nightly-42");
  CHECK(batches[0].request_hash.size() == 64);

  auto body = json_of(r);
  CHECK(body.at("first_seq") == 1);
  CHECK(body.at("last_seq") == 4);
  CHECK(body.at("replayed") == false);
  const auto& results = body.at("results").as_array();
  REQUIRE(results.size() == 4);
  CHECK(results[0].at("method") == "PUT");
  CHECK(results[0].at("result").at("department") == "marketing");
  CHECK(results[0].at("result").at("month") == "2027-03");
  CHECK(results[1].at("path") == "/v1/departments/planning/inbox/7/ack");
  CHECK(results[2].at("result").at("token") == "gct_fake");
  CHECK(results[3].at("result").at("id") == "tk_x");
}

TEST_CASE("a batch names every operation the caller may not perform and sends nothing", "[gateways][batch][auth]") {
  server_fixture f;
  auto token = liaison_token(f, "liaison:marketing");
  auto r = f.request(verb::post, "/v1/batch", batch({put_m1, ack_planning, new_token}),
                     {{"Authorization", "Bearer " + token}});
  REQUIRE(r.result_int() == 403);
  auto e = json_of(r);
  CHECK(e.at("error").at("code") == "forbidden");
  CHECK(rows_named(e) == std::vector<std::size_t>{2, 3});
  for (const auto& d : e.at("error").at("details").as_array()) CHECK(d.at("rule") == "not_permitted");
  CHECK(f.fake.batches().empty());
}

TEST_CASE("a batch with malformed operations lists every one at once and sends nothing", "[gateways][batch]") {
  server_fixture f;
  std::string bad_rows =
      R"({"method":"PUT","path":"/v1/reports/marketing/large_customer_demand/2027-03","body":{"rows":[)"
      R"({"customer":"A","feeder":"F-1","demand_kw":-5,"expected_month":"2027-03","likelihood_pct":80}]}})";
  auto r = f.request(verb::post, "/v1/batch",
                     batch({bad_rows, R"({"method":"GET","path":"/v1/events"})", R"({"path":"/v1/tokens"})",
                            new_token}));
  REQUIRE(r.result_int() == 422);
  auto e = json_of(r);
  CHECK(e.at("error").at("code") == "validation_failed");
  CHECK(rows_named(e) == std::vector<std::size_t>{1, 2, 3});
  const auto& details = e.at("error").at("details").as_array();
  CHECK(details[0].at("field") == "rows[1].demand_kw");
  CHECK(details[0].at("rule") == "below_minimum");  // the operation's own rule
  CHECK(details[1].at("field") == "path");
  CHECK(details[1].at("rule") == "not_batchable");
  CHECK(details[2].at("field") == "method");
  CHECK(details[2].at("rule") == "required");
  CHECK(f.fake.batches().empty());
}

TEST_CASE("a batch body that is not a list of operations is refused", "[gateways][batch]") {
  server_fixture f;
  CHECK(f.request(verb::post, "/v1/batch", R"({"operations":[]})").result_int() == 400);
  CHECK(f.request(verb::post, "/v1/batch", R"({"ops":[1]})").result_int() == 400);
  CHECK(f.request(verb::post, "/v1/batch", "").result_int() == 400);
  CHECK(f.fake.batches().empty());
}

TEST_CASE("a batch of more operations than the limit is too large", "[gateways][batch]") {
  auto settings = server_fixture::small_settings();
  settings.max_body_bytes = 1u << 20;
  server_fixture f(settings);
  std::string many = R"({"operations":[)";
  for (std::size_t i = 0; i <= domain::max_batch_operations; ++i) many += (i ? "," : "") + new_token;
  auto r = f.request(verb::post, "/v1/batch", many + "]}");
  REQUIRE(r.result_int() == 413);
  CHECK(json_of(r).at("error").at("message").as_string().starts_with("a batch holds at most 1000"));
  CHECK(f.fake.batches().empty());
}

TEST_CASE("a batch the actors refuse answers their error whole", "[gateways][batch]") {
  server_fixture f;
  f.fake.fail_next_call({domain::errc::not_found, "operation 2 of 2: there is no item 7; nothing was written",
                         {{domain::rule::not_found, 2, "", "", "there is no item 7"}}});
  auto r = f.request(verb::post, "/v1/batch", batch({put_m1, ack_planning}));
  REQUIRE(r.result_int() == 404);
  CHECK(rows_named(json_of(r)) == std::vector<std::size_t>{2});
}
