#pragma once
// tests/actors/support/runtime_fixture.hpp — the actor runtime in memory on a
// manual clock at t0, with the calls the actor tests make most.
#include <chrono>
#include <memory>
#include <vector>

#include "actors/runtime.hpp"
#include "tests/support/await.hpp"

namespace gridcoord::testing {

inline const domain::time_point t0 =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + std::chrono::hours{8};

// Every item of `d`'s inbox, a page of 1,000 at a time.
inline domain::expected<std::vector<domain::inbox_item>> whole_inbox(actors::client& api, domain::department d) {
  std::vector<domain::inbox_item> out;
  domain::inbox_filter f;
  f.limit = 1000;
  for (;;) {
    auto page = await<domain::inbox_page>([&](auto done) { api.inbox(d, f, done); });
    if (!page) return unexpected{page.error()};
    out.insert(out.end(), page->items.begin(), page->items.end());
    if (page->end) return out;
    f.after = page->next_after;
  }
}

struct runtime_fixture {
  domain::manual_clock clock{t0};
  std::unique_ptr<actors::runtime> rt;

  runtime_fixture() {
    actors::runtime_options o;
    o.clock = &clock;
    o.scheduler_threads = 2;
    o.snapshot_check_interval = std::chrono::milliseconds{0};
    rt = std::move(*actors::runtime::start(o));
  }
  actors::client& api() { return rt->api(); }
  domain::expected<actors::submit_receipt> submit(actors::report_submission s) {
    return await<actors::submit_receipt>([&](auto done) { api().submit_report(std::move(s), done); });
  }
  std::vector<domain::inbox_item> inbox(domain::department d) {
    return *whole_inbox(api(), d);
  }
};

}  // namespace gridcoord::testing
