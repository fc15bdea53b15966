#include "gateways/metrics.hpp"

#include <algorithm>
#include <iterator>
#include <mutex>

#include <fmt/format.h>

namespace gridcoord::gateways {

namespace {

constexpr auto bucket_bounds_ns = [] {
  std::array<std::int64_t, duration_buckets.size()> ns{};
  for (std::size_t i = 0; i < ns.size(); ++i)
    ns[i] = static_cast<std::int64_t>(duration_buckets[i] * 1e9 + 0.5);
  return ns;
}();

void family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

}  // namespace

http_metrics::~http_metrics() = default;

http_metrics::series& http_metrics::find_or_add(std::string_view route, std::string_view method) {
  {
    std::shared_lock lock(mutex_);
    if (auto r = series_.find(route); r != series_.end())
      if (auto m = r->second.find(method); m != r->second.end()) return *m->second;
  }
  std::unique_lock lock(mutex_);
  auto& methods = series_[std::string(route)];
  auto [it, added] = methods.try_emplace(std::string(method));
  if (added) it->second = std::make_unique<series>();
  return *it->second;
}

void http_metrics::record(std::string_view route, std::string_view method, unsigned status,
                          std::chrono::nanoseconds duration) {
  auto& s = find_or_add(route, method);
  auto ns = std::max<std::int64_t>(0, duration.count());
  std::size_t bucket = 0;
  while (bucket < bucket_bounds_ns.size() && ns > bucket_bounds_ns[bucket]) ++bucket;
  s.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  s.sum_ns.fetch_add(static_cast<std::uint64_t>(ns), std::memory_order_relaxed);
  auto code = std::clamp(status, first_status, last_status);
  s.by_status[code - first_status].fetch_add(1, std::memory_order_relaxed);
}

void http_metrics::connection_opened() noexcept { open_connections_.fetch_add(1, std::memory_order_relaxed); }

void http_metrics::connection_closed() noexcept { open_connections_.fetch_sub(1, std::memory_order_relaxed); }

void http_metrics::render(std::string& out) const {
  std::shared_lock lock(mutex_);
  render_requests(out);
  render_durations(out);
  family(out, "gridcoord_http_connections_open", "gauge", "HTTP connections open now.");
  fmt::format_to(std::back_inserter(out), "gridcoord_http_connections_open {}\n",
                 open_connections_.load(std::memory_order_relaxed));
}

// REQUIRES: mutex_ held (shared).
void http_metrics::render_requests(std::string& out) const {
  family(out, "gridcoord_http_requests_total", "counter",
         "HTTP responses by route pattern, method and status.");
  for (const auto& [route, methods] : series_) {
    auto r = escape_label_value(route);
    for (const auto& [method, s] : methods)
      for (std::size_t i = 0; i < s->by_status.size(); ++i)
        if (auto n = s->by_status[i].load(std::memory_order_relaxed); n > 0)
          fmt::format_to(std::back_inserter(out),
                         "gridcoord_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                         r, escape_label_value(method), i + first_status, n);
  }
}

// REQUIRES: mutex_ held (shared). _count is the +Inf bucket, so the two agree
// even while requests are being recorded.
void http_metrics::render_durations(std::string& out) const {
  constexpr std::string_view name = "gridcoord_http_request_duration_seconds";
  family(out, name, "histogram", "Time from a complete request to its response being written out.");
  auto it = std::back_inserter(out);
  for (const auto& [route, methods] : series_) {
    auto r = escape_label_value(route);
    for (const auto& [method, s] : methods) {
      auto labels = fmt::format("route=\"{}\",method=\"{}\"", r, escape_label_value(method));
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < s->buckets.size(); ++i) {
        cumulative += s->buckets[i].load(std::memory_order_relaxed);
        auto le = i < duration_buckets.size() ? fmt::format("{}", duration_buckets[i]) : "+Inf";
        fmt::format_to(it, "{}_bucket{{{},le=\"{}\"}} {}\n", name, labels, le, cumulative);
      }
      auto sum = static_cast<double>(s->sum_ns.load(std::memory_order_relaxed)) / 1e9;
      fmt::format_to(it, "{}_sum{{{}}} {}\n{}_count{{{}}} {}\n", name, labels, sum, name, labels, cumulative);
    }
  }
}

namespace {

void render_batch_events(const histogram_figures& h, std::string& out) {
  constexpr std::string_view name = "gridcoord_event_log_batch_events";
  family(out, name, "histogram", "Group commits of the event log by their size in events.");
  auto it = std::back_inserter(out);
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < h.counts.size(); ++i) {
    cumulative += h.counts[i];
    auto le = i < h.bounds.size() ? std::to_string(h.bounds[i]) : std::string("+Inf");
    fmt::format_to(it, "{}_bucket{{le=\"{}\"}} {}\n", name, le, cumulative);
  }
  fmt::format_to(it, "{}_sum {}\n{}_count {}\n", name, h.sum, name, cumulative);
}

}  // namespace

void render_event_log(const log_figures& f, std::string& out) {
  auto it = std::back_inserter(out);
  if (f.appends) {
    family(out, "gridcoord_event_log_appends_total", "counter", "Append requests the event log handled.");
    fmt::format_to(it, "gridcoord_event_log_appends_total {}\n", *f.appends);
  }
  family(out, "gridcoord_event_log_events_total", "counter", "Events written durably to the event log.");
  fmt::format_to(it, "gridcoord_event_log_events_total {}\n", f.events);
  family(out, "gridcoord_event_log_batches_total", "counter",
         "Group commits of the event log (one durable write each).");
  fmt::format_to(it, "gridcoord_event_log_batches_total {}\n", f.batches);
  if (f.batch_events) render_batch_events(*f.batch_events, out);
}

void render_inbox_open(const std::vector<std::pair<std::string_view, std::size_t>>& open_by_department,
                       std::string& out) {
  family(out, "gridcoord_inbox_open_items", "gauge", "Inbox items not yet acknowledged, per department.");
  for (const auto& [department, open] : open_by_department)
    fmt::format_to(std::back_inserter(out), "gridcoord_inbox_open_items{{department=\"{}\"}} {}\n",
                   escape_label_value(department), open);
}

void render_calendar_years(const std::vector<calendar_year>& years, std::string& out) {
  family(out, "gridcoord_calendar_year_covered", "gauge",
         "1 when the working calendar has the year's public holidays, 0 when only weekends are days off in it.");
  for (const auto& y : years)
    fmt::format_to(std::back_inserter(out), "gridcoord_calendar_year_covered{{year=\"{}\"}} {}\n", y.year,
                   y.covered ? 1 : 0);
}

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

}  // namespace gridcoord::gateways
