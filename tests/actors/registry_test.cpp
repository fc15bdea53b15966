#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "actors/runtime.hpp"
#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using testing::await;

namespace {

const char* tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000}]})";

actors::equipment_import import_of(std::string_view body, std::string key = "", std::string hash = "h1") {
  auto draft = domain::read_import_json(boost::json::parse(body));
  REQUIRE(draft);
  return {std::move(*draft), "tk_test", std::move(key), std::move(hash), ""};
}

domain::expected<actors::equipment_receipt> import(actors::client& api, actors::equipment_import i) {
  return await<actors::equipment_receipt>([&](auto done) { api.import_equipment(std::move(i), done); });
}

}  // namespace

TEST_CASE("an import is logged, applied, listed and seen by the gateways' view", "[actors][equipment]") {
  testing::runtime_fixture f;
  CHECK(f.api().equipment_view()->empty());
  auto r = import(f.api(), import_of(tree));
  REQUIRE(r);
  CHECK(r->seq > 0);
  CHECK(r->summary == domain::import_summary{3, 3, 0, 0});
  CHECK_FALSE(r->replayed);
  CHECK(f.api().equipment_view()->size() == 3);
  auto one = await<domain::equipment>([&](auto done) { f.api().get_equipment("F12", done); });
  REQUIRE(one);
  CHECK(one->parent == "T1");
  auto missing = await<domain::equipment>([&](auto done) { f.api().get_equipment("F99", done); });
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == domain::errc::not_found);
  domain::equipment_filter only_feeders;
  only_feeders.kind = domain::equipment_kind::feeder;
  auto page = await<domain::equipment_page>([&](auto done) { f.api().list_equipment(only_feeders, done); });
  REQUIRE(page);
  REQUIRE(page->items.size() == 1);
  CHECK(page->items[0].id == "F12");
  CHECK(page->end);
}

TEST_CASE("an import that fails against the registry writes nothing", "[actors][equipment]") {
  testing::runtime_fixture f;
  REQUIRE(import(f.api(), import_of(tree)));
  auto bad = import(f.api(), import_of(R"({"equipment":[
    {"id":"F13","kind":"feeder","parent":"T1","area_class":"urban","region":"R","rating_kva":1},
    {"id":"F14","kind":"feeder","parent":"T9","area_class":"urban","region":"R","rating_kva":1}]})"));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == domain::errc::validation_failed);
  REQUIRE(bad.error().details.size() == 1);
  CHECK(bad.error().details[0].row == 2);
  CHECK(f.api().equipment_view()->find("F13") == std::nullopt);
  auto replaced = import(f.api(), import_of(R"({"equipment":[
    {"id":"F12","kind":"feeder","parent":"T1","area_class":"rural","region":"R","rating_kva":8000}]})"));
  REQUIRE(replaced);
  CHECK(replaced->summary == domain::import_summary{1, 0, 1, 0});
  CHECK(f.api().equipment_view()->find("F12")->area == domain::area_class::rural);
}

TEST_CASE("an import repeated with its idempotency key is applied once", "[actors][equipment][idempotency]") {
  testing::runtime_fixture f;
  auto first = import(f.api(), import_of(tree, "k-1", "hash-a"));
  REQUIRE(first);
  auto again = import(f.api(), import_of(tree, "k-1", "hash-a"));
  REQUIRE(again);
  CHECK(again->replayed);
  CHECK(again->seq == first->seq);
  CHECK(again->summary == first->summary);
  auto other = import(f.api(), import_of(tree, "k-1", "hash-b"));
  REQUIRE_FALSE(other);
  CHECK(other.error().code == domain::errc::conflict);
}

TEST_CASE("the registry is rebuilt after a restart", "[actors][equipment][recovery]") {
  testing::temp_dir dir;
  actors::runtime_options o;
  o.data_dir = dir.path().string();
  o.scheduler_threads = 2;
  o.snapshot_check_interval = std::chrono::milliseconds{0};
  {
    auto rt = actors::runtime::start(o);
    REQUIRE(rt);
    CHECK((*rt)->startup().equipment == 0);
    REQUIRE(import((*rt)->api(), import_of(tree)));
  }
  auto rt = actors::runtime::start(o);
  REQUIRE(rt);
  CHECK((*rt)->startup().equipment == 3);
  CHECK((*rt)->api().equipment_view()->find("T1").has_value());
  auto one = await<domain::equipment>([&](auto done) { (*rt)->api().get_equipment("F12", done); });
  REQUIRE(one);
  CHECK(one->region == "东城区");
  CHECK(one->version == 1);
  auto h = await<actors::equipment_history>([&](auto done) { (*rt)->api().get_equipment_history("F12", done); });
  REQUIRE(h);
  REQUIRE(h->versions.size() == 1);
  CHECK(h->versions[0].seq == one->changed_seq);
}

TEST_CASE("the history of a record reads each version from the log", "[actors][equipment][history]") {
  testing::runtime_fixture f;
  auto first = import(f.api(), import_of(tree));
  REQUIRE(first);
  auto same = import(f.api(), import_of(tree));
  REQUIRE(same);
  CHECK(same->summary == domain::import_summary{3, 0, 0, 3});
  auto changed = import(f.api(), import_of(R"({"equipment":[
    {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":12000,"latitude":39.9,"longitude":116.4}]})"));
  REQUIRE(changed);
  CHECK(changed->summary == domain::import_summary{1, 0, 1, 0});
  auto h = await<actors::equipment_history>([&](auto done) { f.api().get_equipment_history("F12", done); });
  REQUIRE(h);
  REQUIRE(h->versions.size() == 2);
  CHECK(h->versions[0].version == 1);
  CHECK(h->versions[0].seq == first->seq);
  CHECK(h->versions[0].by == "tk_test");
  CHECK(h->versions[0].record.rating_kva == 10000);
  CHECK_FALSE(h->versions[0].record.latitude);
  CHECK(h->versions[1].version == 2);
  CHECK(h->versions[1].seq == changed->seq);
  CHECK(h->versions[1].at == changed->accepted_at);
  CHECK(h->versions[1].record.latitude == 39.9);
  auto now = f.api().equipment_view()->find("F12");
  REQUIRE(now);
  CHECK(h->versions[1].record == *now);
  auto missing = await<actors::equipment_history>([&](auto done) { f.api().get_equipment_history("F99", done); });
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == domain::errc::not_found);
}

TEST_CASE("a large import is logged as one event per part, all in one append", "[actors][equipment][limits]") {
  testing::runtime_fixture f;
  std::string body = R"({"equipment":[{"id":"S1","kind":"substation","area_class":"urban","region":"R","rating_kva":1})";
  const std::size_t feeders = domain::import_rows_per_event + 10;  // rows: 2 + feeders, so two events
  body += R"(,{"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"R","rating_kva":1})";
  for (std::size_t i = 0; i < feeders; ++i)
    body += R"(,{"id":"F)" + std::to_string(i) +
            R"(","kind":"feeder","parent":"T1","area_class":"rural","region":"R","rating_kva":2})";
  body += "]}";
  auto r = import(f.api(), import_of(body));
  REQUIRE(r);
  CHECK(r->summary.added == feeders + 2);
  auto view = f.api().equipment_view();
  CHECK(view->size() == feeders + 2);
  CHECK(view->find("S1")->changed_seq == r->seq);
  CHECK(view->find("F" + std::to_string(feeders - 1))->changed_seq == r->seq + 1);
  auto h = await<actors::equipment_history>(
      [&](auto done) { f.api().get_equipment_history("F" + std::to_string(feeders - 1), done); });
  REQUIRE(h);
  REQUIRE(h->versions.size() == 1);
  CHECK(h->versions[0].seq == r->seq + 1);
  CHECK(h->versions[0].record.parent == "T1");
}
