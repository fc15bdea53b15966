// gateways/notification_target.hpp against a real local HTTP receiver
// (tests/gateways/support/http_receiver.hpp): what the receiver gets, how
// each answer is classified, and that every send completes exactly once.
#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "gateways/notification_target.hpp"
#include "tests/gateways/support/http_receiver.hpp"
#include "tests/support/self_signed.hpp"

using namespace gridcoord;
using namespace std::chrono;
using actors::delivery_outcome;
using gateways::notification_target;
using testing::http_receiver;
using result = delivery_outcome::result;

namespace {

constexpr milliseconds generous{30'000};  // a bound on waiting, never a pause

domain::sla::notification sample(std::string customer) {
  domain::sla::notification n;
  n.cause = "outage/17";
  n.customer_id = std::move(customer);
  n.kind = domain::sla::notification_kind::outage_notice;
  n.message_id = domain::sla::message_id(n.cause, n.customer_id, n.kind);
  n.channel = "webhook";
  n.address = "https://hooks.example/c";
  n.text = "【蓝海供电】尊敬的蓝海化工：受蓝海市东港区F-101线路故障影响，您单位自10月5日 16:25起停电，预计10月5日 20:00恢复供电。";
  n.language = "zh-CN";
  n.details = R"({"outage_id":"17","equipment":["F-101"],"etr":"2026-10-05T12:00:00.000000Z"})";
  n.enqueued_at = domain::time_point{sys_days{2026y / October / 5} + 8h + 30min};
  return n;
}

std::unique_ptr<notification_target> target_for(const std::string& url, std::size_t connections = 8,
                                                milliseconds timeout = milliseconds{10'000}, std::string ca = "") {
  auto t = notification_target::make({.endpoint = url, .connections = connections, .timeout = timeout,
                                      .ca_file = std::move(ca)});
  REQUIRE(t);
  return std::move(*t);
}

// Sends one notification and waits for its outcome.
delivery_outcome send_one(notification_target& t, const domain::sla::notification& n) {
  auto promise = std::make_shared<std::promise<delivery_outcome>>();
  auto future = promise->get_future();
  t.send(n, [promise](delivery_outcome o) { promise->set_value(std::move(o)); });
  REQUIRE(future.wait_for(generous) == std::future_status::ready);
  return future.get();
}

// Every outcome, by message id, as `done` calls report them.
class outcomes {
 public:
  std::function<void(delivery_outcome)> done_for(std::string id) {
    return [this, id = std::move(id)](delivery_outcome o) {
      std::lock_guard lock(mutex_);
      by_id_[id].push_back(std::move(o));
      ++count_;
      changed_.notify_all();
    };
  }
  bool wait_for(std::size_t n) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, generous, [&] { return count_ >= n; });
  }
  std::size_t count() {
    std::lock_guard lock(mutex_);
    return count_;
  }
  std::map<std::string, std::vector<delivery_outcome>> by_id() {
    std::lock_guard lock(mutex_);
    return by_id_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, std::vector<delivery_outcome>> by_id_;
  std::size_t count_ = 0;
};

std::string header(const http_receiver::request& r, std::string_view name) { return std::string(r[name]); }

std::uint16_t unused_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor a{io, {boost::asio::ip::make_address("127.0.0.1"), 0}};
  return a.local_endpoint().port();  // closed on return: nothing listens there
}

}  // namespace

TEST_CASE("a notification is POSTed with its message id headers and body, and a 200 is delivered",
          "[gateways][notifications]") {
  http_receiver in(std::vector<unsigned>{200});
  auto target = target_for(in.url("/hooks/gridcoord"));
  auto n = sample("C-1001");
  auto out = send_one(*target, n);
  CHECK(out.what == result::delivered);
  CHECK(out.error.empty());

  auto seen = in.requests();
  REQUIRE(seen.size() == 1);
  const auto& r = seen[0];
  CHECK(r.method() == boost::beast::http::verb::post);
  CHECK(r.target() == "/hooks/gridcoord");
  CHECK(header(r, "Content-Type") == "application/json");
  CHECK(header(r, "Idempotency-Key") == "outage/17/C-1001/outage_notice");
  CHECK(header(r, "X-Gridcoord-Message-Id") == "outage/17/C-1001/outage_notice");
  CHECK(header(r, "Host") == fmt::format("127.0.0.1:{}", in.port()));
  auto body = boost::json::parse(r.body());
  CHECK(body == boost::json::parse(R"({
    "message_id": "outage/17/C-1001/outage_notice", "customer_id": "C-1001", "channel": "webhook",
    "address": "https://hooks.example/c", "kind": "outage_notice", "cause": "outage/17",
    "text": "【蓝海供电】尊敬的蓝海化工：受蓝海市东港区F-101线路故障影响，您单位自10月5日 16:25起停电，预计10月5日 20:00恢复供电。",
    "language": "zh-CN", "segments": 0, "too_long": false,
    "details": {"outage_id": "17", "equipment": ["F-101"], "etr": "2026-10-05T12:00:00.000000Z"},
    "enqueued_at": "2026-10-05T08:30:00.000000Z"})"));
  CHECK(r.body() == gateways::notification_body(n));
}

TEST_CASE("an SMS is POSTed with the text the customer reads, its language and its segments",
          "[gateways][notifications]") {
  http_receiver in(std::vector<unsigned>{200});
  auto target = target_for(in.url("/sms"));
  auto n = sample("C-1001");
  n.channel = "sms";
  n.address = "+8613800000001";
  n.segments = 2;
  CHECK(send_one(*target, n).what == result::delivered);
  auto seen = in.requests();
  REQUIRE(seen.size() == 1);
  auto body = boost::json::parse(seen[0].body()).as_object();
  CHECK(body.at("channel") == "sms");
  CHECK(body.at("text").as_string() == std::string_view(n.text));
  CHECK(body.at("language") == "zh-CN");
  CHECK(body.at("segments") == 2);
  CHECK(body.at("too_long") == false);
}

TEST_CASE("a 503 is a retry naming the status, and the next attempt is delivered", "[gateways][notifications]") {
  http_receiver in(std::vector<unsigned>{503, 200});
  auto target = target_for(in.url());
  auto n = sample("C-1001");
  auto first = send_one(*target, n);
  CHECK(first.what == result::retry);
  CHECK(first.error == "HTTP 503");
  auto second = send_one(*target, n);
  CHECK(second.what == result::delivered);
  CHECK(in.requests().size() == 2);
}

TEST_CASE("408, 429 and 5xx are retries; other statuses are permanent", "[gateways][notifications]") {
  const std::vector<unsigned> statuses{408, 429, 500, 502, 504, 400, 401, 404, 409, 422, 301};
  http_receiver in(statuses);
  auto target = target_for(in.url(), 1);
  for (unsigned s : statuses) {
    auto out = send_one(*target, sample(fmt::format("C-{}", s)));
    INFO("status " << s);
    bool transient = s == 408 || s == 429 || s >= 500;
    CHECK(out.what == (transient ? result::retry : result::permanent));
    CHECK(out.error == fmt::format("HTTP {}", s));
  }
}

TEST_CASE("a refused connection is a retry", "[gateways][notifications]") {
  auto target = target_for(fmt::format("http://127.0.0.1:{}/hooks", unused_port()));
  auto out = send_one(*target, sample("C-1001"));
  CHECK(out.what == result::retry);
  CHECK(out.error == "connection refused");
}

TEST_CASE("a receiver that does not answer within the timeout is a retry", "[gateways][notifications]") {
  http_receiver in(std::vector<unsigned>{http_receiver::hold});  // holds every request
  auto target = target_for(in.url(), 2, milliseconds{200});
  auto out = send_one(*target, sample("C-1001"));
  CHECK(out.what == result::retry);
  CHECK(out.error == "no answer within 0.2 s");
  CHECK(in.requests().size() == 1);
}

TEST_CASE("2,000 sends all complete exactly once over at most `connections` connections",
          "[gateways][notifications]") {
  http_receiver in(std::vector<unsigned>{200});
  outcomes got;
  constexpr std::size_t total = 2'000;
  {
    auto target = target_for(in.url(), 4);
    for (std::size_t k = 0; k < total; ++k) {
      auto n = sample(fmt::format("C-{}", k));
      target->send(n, got.done_for(n.message_id));
    }
    REQUIRE(got.wait_for(total));
  }  // destroyed: nothing more is reported
  CHECK(got.count() == total);
  auto by_id = got.by_id();
  CHECK(by_id.size() == total);
  for (const auto& [id, list] : by_id) {
    REQUIRE(list.size() == 1);
    CHECK(list[0].what == result::delivered);
  }
  std::set<std::string> received;
  for (const auto& r : in.requests()) received.insert(header(r, "X-Gridcoord-Message-Id"));
  CHECK(received.size() == total);
  CHECK(in.connections() <= 4);
  CHECK(in.connections() >= 1);
}

TEST_CASE("a receiver can drop a message sent twice by its message id", "[gateways][notifications]") {
  std::set<std::string> kept;
  std::size_t duplicates = 0;
  http_receiver in([&](const http_receiver::request& r, std::size_t) {
    if (!kept.insert(std::string(r["X-Gridcoord-Message-Id"])).second) ++duplicates;
    return 200u;  // a duplicate is answered as the original was
  });
  auto target = target_for(in.url());
  auto n = sample("C-1001");
  CHECK(send_one(*target, n).what == result::delivered);
  CHECK(send_one(*target, n).what == result::delivered);
  auto seen = in.requests();
  REQUIRE(seen.size() == 2);
  CHECK(header(seen[0], "Idempotency-Key") == header(seen[1], "Idempotency-Key"));
  CHECK(kept == std::set<std::string>{"outage/17/C-1001/outage_notice"});
  CHECK(duplicates == 1);
}

TEST_CASE("a kept-alive connection the receiver closed silently is replaced, and the message delivered",
          "[gateways][notifications]") {
  http_receiver in(std::vector<unsigned>{200}, {.silently_close_after = 1});
  auto target = target_for(in.url(), 1);
  for (int k = 0; k < 5; ++k) CHECK(send_one(*target, sample(fmt::format("C-{}", k))).what == result::delivered);
  CHECK(in.requests().size() == 5);
  CHECK(in.connections() == 5);
}

TEST_CASE("a receiver that closes after each answer gets a new connection per message", "[gateways][notifications]") {
  http_receiver in(std::vector<unsigned>{200}, {.keep_alive = false});
  auto target = target_for(in.url(), 2);
  outcomes got;
  for (int k = 0; k < 20; ++k) {
    auto n = sample(fmt::format("C-{}", k));
    target->send(n, got.done_for(n.message_id));
  }
  REQUIRE(got.wait_for(20));
  for (const auto& [id, list] : got.by_id()) CHECK(list.at(0).what == result::delivered);
  CHECK(in.connections() == 20);
  CHECK(in.most_open() <= 2);
}

TEST_CASE("destroying the target completes every pending send with a retry, shutting down",
          "[gateways][notifications]") {
  http_receiver in(std::vector<unsigned>{http_receiver::hold});
  outcomes got;
  {
    auto target = target_for(in.url(), 1);
    for (int k = 0; k < 5; ++k) {
      auto n = sample(fmt::format("C-{}", k));
      target->send(n, got.done_for(n.message_id));
    }
    REQUIRE(in.wait_for_requests(1, generous));  // one in flight, four queued
  }
  CHECK(got.count() == 5);
  for (const auto& [id, list] : got.by_id()) {
    REQUIRE(list.size() == 1);
    CHECK(list[0].what == result::retry);
    CHECK(list[0].error == "shutting down");
  }
}

TEST_CASE("an https endpoint is delivered over TLS to a receiver the CA file trusts", "[gateways][notifications]") {
  testing::self_signed cert;
  http_receiver in(std::vector<unsigned>{200}, {.tls_cert_file = cert.cert_file(), .tls_key_file = cert.key_file()});
  auto trusted = target_for(in.url(), 2, milliseconds{10'000}, cert.cert_file());
  CHECK(send_one(*trusted, sample("C-1001")).what == result::delivered);
  CHECK(send_one(*trusted, sample("C-1002")).what == result::delivered);
  CHECK(in.connections() == 1);

  testing::self_signed stranger;
  auto untrusting = target_for(in.url(), 1, milliseconds{10'000}, stranger.cert_file());
  auto out = send_one(*untrusting, sample("C-1003"));
  CHECK(out.what == result::retry);
  CHECK(out.error.starts_with("the server's certificate is not trusted"));
}

TEST_CASE("an endpoint that is not an http or https URL is refused naming it", "[gateways][notifications]") {
  for (std::string url : {"ftp://hooks.example/n", "hooks.example/n", "http://:80/n"}) {
    auto t = notification_target::make({.endpoint = url});
    REQUIRE_FALSE(t);
    CHECK(t.error().code == domain::errc::invalid_request);
    CHECK(t.error().message.starts_with(fmt::format("notifications.endpoint \"{}\" is not an http:// or https:// URL",
                                                    url)));
  }
  auto none = notification_target::make({.endpoint = "http://127.0.0.1:1/n", .connections = 0});
  REQUIRE_FALSE(none);
  CHECK(none.error().message == "notifications.connections must be at least 1");
}
