#include "actors/recovery.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/error.hpp"
#include "domain/json.hpp"

namespace gridcoord::actors {

namespace json = boost::json;

namespace {

domain::expected<book_map> decode_snapshot(const std::string& data) {
  std::error_code ec;
  auto doc = json::parse(data, ec);
  if (ec || !doc.is_array()) return domain::fail(domain::errc::internal, "the books snapshot is unreadable");
  book_map books;
  for (const auto& v : doc.get_array()) {
    auto book = domain::department_book::from_json(v);
    if (!book) return unexpected{book.error()};
    books.insert_or_assign(book->owner(), std::move(*book));
  }
  if (books.size() != domain::all_departments.size())
    return domain::fail(domain::errc::internal, "the books snapshot lacks a department");
  return books;
}

std::string encode_snapshot(const book_map& books) {
  json::array a;
  for (const auto& [d, book] : books) a.push_back(book.to_json());
  return domain::to_text(a);
}

}  // namespace

book_map empty_books() {
  book_map books;
  for (auto d : domain::all_departments) books.emplace(d, domain::department_book{d});
  return books;
}

domain::expected<std::uint64_t> apply_tail(const storage::event_store& store, book_map& books,
                                           std::uint64_t from) {
  std::uint64_t at = from;
  for (;;) {
    auto page = store.read(at, replay_page_events);
    if (!page) return unexpected{to_domain(page.error())};
    for (const auto& e : *page) {
      for (auto& [d, book] : books)
        if (auto st = book.apply_event(e.type, e.seq, e.time, e.payload); !st)
          return domain::fail(domain::errc::internal,
                              fmt::format("event {} cannot be applied: {}", e.seq, st.error().message));
      at = e.seq;
    }
    if (page->size() < replay_page_events) return at;
  }
}

domain::expected<recovered_books> recover_books(const storage::event_store& store) {
  recovered_books out;
  out.books = empty_books();
  auto snap = store.get_snapshot(books_snapshot_name);
  if (snap) {
    auto books = decode_snapshot(snap->data);
    if (!books) return unexpected{books.error()};
    out.books = std::move(*books);
    out.snapshot_seq = snap->seq;
  } else if (snap.error().code != storage::errc::not_found) {
    return unexpected{to_domain(snap.error())};
  }
  auto last = apply_tail(store, out.books, out.snapshot_seq);
  if (!last) return unexpected{last.error()};
  out.last_seq = *last;
  out.replayed_events = *last - out.snapshot_seq;
  return out;
}

snapshot_keeper::snapshot_keeper(storage::event_store& store, recovered_books start,
                                 std::uint64_t every_events)
    : store_(store),
      books_(std::move(start.books)),
      applied_(start.last_seq),
      snapshot_seq_(start.snapshot_seq),
      every_(std::max<std::uint64_t>(every_events, 1)) {}

snapshot_keeper::~snapshot_keeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

domain::expected<std::uint64_t> snapshot_keeper::take_snapshot(bool force) {
  auto last = apply_tail(store_, books_, applied_);
  if (!last) return unexpected{last.error()};
  applied_ = *last;
  bool due = applied_ - snapshot_seq_ >= every_ || (force && applied_ > snapshot_seq_);
  if (!due) return snapshot_seq_;
  auto st = store_.put_snapshot({std::string(books_snapshot_name), applied_, encode_snapshot(books_)});
  if (!st) return unexpected{to_domain(st.error())};
  spdlog::info("snapshot of the department books taken at event {}", applied_);
  snapshot_seq_ = applied_;
  return snapshot_seq_;
}

void snapshot_keeper::run_every(std::chrono::milliseconds interval) {
  thread_ = std::thread([this, interval] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
      lock.unlock();
      if (auto r = take_snapshot(); !r) spdlog::error("snapshot failed: {}", r.error().message);
      lock.lock();
    }
  });
}

void snapshot_keeper::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (auto r = take_snapshot(true); !r) spdlog::error("final snapshot failed: {}", r.error().message);
}

}  // namespace gridcoord::actors
