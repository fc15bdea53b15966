#pragma once
// gateways/metrics.hpp — what GET /metrics reports, in the Prometheus text
// exposition format 0.0.4 (docs/operations.md lists every series).
//
// http_metrics counts the gateway's own traffic: responses per route pattern,
// method and status, their latency as a histogram, and open connections.
// metrics_source is how the process hands in figures the gateway does not own
// (the event log's), without the gateway depending on the actor runtime.
// [Threading] Every member of http_metrics is safe from any thread. record()
//             takes a shared lock to find its series (an exclusive one only the
//             first time a route/method pair is seen), then only atomic adds.
//             metrics_source's functions are called on an io thread during a scrape.
// [Errors]    None: recording cannot fail; a status outside 100..599 counts as 599.
// [Limits]    Label values are route patterns ("unmatched" for unknown paths)
//             and methods, never raw paths, so the number of series is bounded
//             by the route table.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gridcoord::gateways {

inline constexpr std::string_view unmatched_route = "unmatched";
inline constexpr std::string_view exposition_content_type = "text/plain; version=0.0.4";

// Upper bounds of the latency histogram's buckets, in seconds (+Inf is implied).
inline constexpr std::array<double, 14> duration_buckets{
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

// A histogram's figures: `counts[i]` observations of at most `bounds[i]` and
// more than the bound before (not cumulative: the exposition makes them so);
// counts has one entry more than bounds, for those above every bound (+Inf).
struct histogram_figures {
  std::vector<std::uint64_t> bounds;  // ascending
  std::vector<std::uint64_t> counts;  // REQUIRES: bounds.size() + 1 entries
  std::uint64_t sum = 0;
};

// Cumulative figures of the event log since the process started.
struct log_figures {
  std::uint64_t batches = 0;               // durable writes (one fsync each)
  std::uint64_t events = 0;                // events written
  std::optional<std::uint64_t> appends;    // append requests; nullopt when not known
  std::optional<histogram_figures> batch_events;  // durable writes by size in events; nullopt when not known
};

// One year of the working calendar: whether its holidays are known
// (domain/calendar_coverage.hpp; a year without them has only weekends off).
struct calendar_year {
  std::int32_t year = 0;
  bool covered = false;
};

// Figures the gateway reports but does not own. Every member is optional.
struct metrics_source {
  std::function<log_figures()> event_log;  // REQUIRES: cheap and safe from any thread
  // This year and the next. REQUIRES: cheap and safe from any thread.
  std::function<std::vector<calendar_year>()> calendar;
};

class http_metrics {
 public:
  http_metrics() = default;
  ~http_metrics();
  http_metrics(const http_metrics&) = delete;
  http_metrics& operator=(const http_metrics&) = delete;

  // One response: `route` is the pattern (or unmatched_route), `method` the
  // request's method ("GET"; "OTHER" when there was none or it is unknown).
  void record(std::string_view route, std::string_view method, unsigned status,
              std::chrono::nanoseconds duration);

  void connection_opened() noexcept;
  void connection_closed() noexcept;

  // Appends the families gridcoord_http_requests_total,
  // gridcoord_http_request_duration_seconds and gridcoord_http_connections_open.
  void render(std::string& out) const;

 private:
  static constexpr unsigned first_status = 100;
  static constexpr unsigned last_status = 599;

  // One route and method: latency buckets (each counts only its own range;
  // the exposition makes them cumulative; the last is +Inf), total time, and
  // a counter per status.
  struct series {
    std::array<std::atomic<std::uint64_t>, duration_buckets.size() + 1> buckets{};
    std::atomic<std::uint64_t> sum_ns{0};
    std::array<std::atomic<std::uint64_t>, last_status - first_status + 1> by_status{};
  };
  using by_method = std::map<std::string, std::unique_ptr<series>, std::less<>>;

  series& find_or_add(std::string_view route, std::string_view method);
  void render_requests(std::string& out) const;
  void render_durations(std::string& out) const;

  mutable std::shared_mutex mutex_;                     // guards the shape of series_
  std::map<std::string, by_method, std::less<>> series_;  // route -> method -> series
  std::atomic<std::int64_t> open_connections_{0};
};

// Appends the event log families (appends and the batch-size histogram
// gridcoord_event_log_batch_events only when known).
void render_event_log(const log_figures& figures, std::string& out);

// Appends gridcoord_inbox_open_items, one sample per department that answered.
void render_inbox_open(const std::vector<std::pair<std::string_view, std::size_t>>& open_by_department,
                       std::string& out);

// Appends gridcoord_calendar_year_covered{year="2027"}: 1 when the calendar
// has that year's holidays, 0 when only weekends are days off in it.
void render_calendar_years(const std::vector<calendar_year>& years, std::string& out);

// A label value with '\', '"' and newlines escaped as the format requires.
std::string escape_label_value(std::string_view value);

}  // namespace gridcoord::gateways
