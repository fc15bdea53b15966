#include "config/settings.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <sstream>
#include <set>
#include <toml++/toml.h>

#include "domain/language.hpp"

namespace gridcoord::config {

namespace {

struct reader {
  const toml::table& root;
  const std::string& origin;
  std::string problem;

  template <class T>
  void get(std::string_view section, std::string_view key, T& out) {
    const auto* node = root.at_path(fmt::format("{}.{}", section, key)).node();
    if (!node) return;
    if constexpr (std::is_same_v<T, std::string>) {
      if (auto v = node->value<std::string>()) { out = *v; return; }
    } else if constexpr (std::is_same_v<T, bool>) {
      if (auto v = node->value<bool>()) { out = *v; return; }
    } else {
      if (auto v = node->value<std::int64_t>(); v && *v >= 0) { out = static_cast<T>(*v); return; }
    }
    fail(section, key, "has the wrong type");
  }
  template <class Rep, class Period>
  void get(std::string_view section, std::string_view key, std::chrono::duration<Rep, Period>& out) {
    Rep n = out.count();
    get(section, key, n);
    out = std::chrono::duration<Rep, Period>{n};
  }
  void fail(std::string_view section, std::string_view key, std::string_view what) {
    if (problem.empty()) problem = fmt::format("{}: {}.{} {}", origin, section, key, what);
  }
};

// Every key the file may hold; anything else is a typo.
const std::set<std::string>& known_keys() {
  static const std::set<std::string> keys{
      "server.listen", "server.io_threads", "server.max_body_bytes", "server.max_header_bytes",
      "server.header_timeout_s", "server.read_timeout_s", "server.idle_timeout_s", "server.max_connections",
      "server.reserved_connections", "server.max_connections_per_address",
      "server.rate_limit_per_second", "server.rate_limit_burst", "server.console_dir",
      "storage.data_dir", "storage.group_commit_window_us", "storage.max_batch_events",
      "storage.snapshot_every_events", "storage.min_free_mb", "actors.scheduler_threads", "time.zone", "calendar.file",
      "calendar.reporting_file", "standards.file", "time_limits.file", "time_limits.profile", "messages.file",
      "messages.language", "log.level",
      "log.format", "tls.cert_file", "tls.key_file", "tls.min_version",
      "publication.directory", "publication.post_url", "publication.post_timeout_s",
      "publication.working_days_after_month_end", "publication.time", "publication.language",
      "publication.zh-CN.issuer", "publication.zh-CN.contact", "publication.en.issuer", "publication.en.contact",
      "notifications.endpoint", "notifications.connections", "notifications.timeout_s", "notifications.ca_file",
      "notifications.retry_initial_ms", "notifications.retry_max_s", "notifications.max_attempts",
      "notifications.jitter_pct"};
  return keys;
}

// A section's keys, and one level of tables within it ([publication.zh-CN]).
std::string unknown_key(const toml::table& root) {
  for (const auto& [section, node] : root) {
    const auto* table = node.as_table();
    if (!table) return std::string(section.str());
    for (const auto& [key, value] : *table) {
      auto full = fmt::format("{}.{}", section.str(), key.str());
      const auto* sub = value.as_table();
      if (!sub) {
        if (!known_keys().contains(full)) return full;
        continue;
      }
      auto prefix = full + ".";
      auto known = known_keys().lower_bound(prefix);
      if (known == known_keys().end() || !known->starts_with(prefix)) return full;
      for (const auto& [inner, ignored] : *sub) {
        auto innermost = fmt::format("{}.{}", full, inner.str());
        if (!known_keys().contains(innermost)) return innermost;
      }
    }
  }
  return {};
}

// A whole number in [low, high] at section.key (negative ones included, so
// that the message says the range rather than "the wrong type").
template <class T>
void get_in_range(reader& r, std::string_view section, std::string_view key, std::int64_t low,
                  std::int64_t high, T& out) {
  const auto* node = r.root.at_path(fmt::format("{}.{}", section, key)).node();
  if (!node) return;
  auto v = node->value_exact<std::int64_t>();
  if (!v) return r.fail(section, key, "has the wrong type");
  if (*v < low || *v > high) return r.fail(section, key, fmt::format("must be {} to {}", low, high));
  out = T(*v);
}

// "HH:MM", 00:00 to 23:59.
bool is_clock_time(std::string_view t) {
  auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
  if (t.size() != 5 || t[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return false;
  return (t[0] - '0') * 10 + (t[1] - '0') < 24 && t[3] < '6';
}

// "" or an http:// or https:// URL with a host.
bool is_http_url_or_empty(std::string_view url) {
  if (url.empty()) return true;
  auto rest = url.starts_with("http://") ? url.substr(7) : url.starts_with("https://") ? url.substr(8) : "";
  return !rest.empty() && rest.front() != '/';
}

void read_publication(reader& r, publication_settings& p) {
  r.get("publication", "directory", p.directory);
  r.get("publication", "post_url", p.post_url);
  if (!is_http_url_or_empty(p.post_url))
    r.fail("publication", "post_url", "must be \"\" or an http:// or https:// URL with a host");
  std::int64_t timeout = p.post_timeout.count();
  get_in_range(r, "publication", "post_timeout_s", 1, 3600, timeout);
  p.post_timeout = std::chrono::seconds{timeout};
  get_in_range(r, "publication", "working_days_after_month_end", 1, 23, p.working_days_after_month_end);
  r.get("publication", "time", p.time);
  if (!is_clock_time(p.time)) r.fail("publication", "time", "must be \"HH:MM\" (00:00 to 23:59)");
  r.get("publication", "language", p.page.language);
  if (auto l = domain::parse_language(p.page.language)) p.page.language = std::string(domain::to_string(*l));
  else r.fail("publication", "language", "must be \"zh-CN\" or \"en\"");
  r.get("publication.zh-CN", "issuer", p.page.zh_cn.issuer);
  r.get("publication.zh-CN", "contact", p.page.zh_cn.contact);
  r.get("publication.en", "issuer", p.page.en.issuer);
  r.get("publication.en", "contact", p.page.en.contact);
}

void read_notifications(reader& r, notification_settings& n) {
  r.get("notifications", "endpoint", n.endpoint);
  if (!is_http_url_or_empty(n.endpoint))
    r.fail("notifications", "endpoint", "must be \"\" or an http:// or https:// URL with a host");
  get_in_range(r, "notifications", "connections", 1, 256, n.connections);
  std::int64_t timeout = n.timeout.count(), initial = n.retry_initial.count(), longest = n.retry_max.count();
  get_in_range(r, "notifications", "timeout_s", 1, 600, timeout);
  get_in_range(r, "notifications", "retry_initial_ms", 100, 3'600'000, initial);
  get_in_range(r, "notifications", "retry_max_s", 1, 86'400, longest);
  n.timeout = std::chrono::seconds{timeout};
  n.retry_initial = std::chrono::milliseconds{initial};
  n.retry_max = std::chrono::seconds{longest};
  r.get("notifications", "ca_file", n.ca_file);
  get_in_range(r, "notifications", "max_attempts", 1, 100, n.max_attempts);
  get_in_range(r, "notifications", "jitter_pct", 0, 90, n.jitter_pct);
}

void read_all(reader& r, settings& s) {
  std::string listen = fmt::format("{}:{}", s.server.host, s.server.port);
  r.get("server", "listen", listen);
  if (!set_listen(s, listen)) r.fail("server", "listen", "must be HOST:PORT");
  r.get("server", "io_threads", s.server.io_threads);
  r.get("server", "max_body_bytes", s.server.max_body_bytes);
  r.get("server", "max_header_bytes", s.server.max_header_bytes);
  r.get("server", "header_timeout_s", s.server.header_timeout);
  r.get("server", "read_timeout_s", s.server.read_timeout);
  r.get("server", "idle_timeout_s", s.server.idle_timeout);
  r.get("server", "console_dir", s.server.console_dir);
  r.get("server", "max_connections", s.server.max_connections);
  r.get("server", "reserved_connections", s.server.reserved_connections);
  r.get("server", "max_connections_per_address", s.server.max_connections_per_address);
  r.get("server", "rate_limit_per_second", s.server.rate_limit_per_second);
  r.get("server", "rate_limit_burst", s.server.rate_limit_burst);
  r.get("storage", "data_dir", s.storage.data_dir);
  r.get("storage", "group_commit_window_us", s.storage.group_commit_window);
  r.get("storage", "max_batch_events", s.storage.max_batch_events);
  r.get("storage", "snapshot_every_events", s.storage.snapshot_every_events);
  r.get("storage", "min_free_mb", s.storage.min_free_mb);
  r.get("actors", "scheduler_threads", s.actors.scheduler_threads);
  r.get("time", "zone", s.time.zone);
  s.server.time_zone = s.time.zone;
  r.get("calendar", "file", s.calendar.file);
  r.get("calendar", "reporting_file", s.calendar.reporting_file);
  r.get("standards", "file", s.standards.file);
  r.get("time_limits", "file", s.time_limits.file);
  r.get("time_limits", "profile", s.time_limits.profile);
  if (s.time_limits.profile.empty())
    r.fail("time_limits", "profile", "must name a profile of time_limits.file (shipped: \"document\", \"sgcc-2023\")");
  r.get("messages", "file", s.messages.file);
  r.get("messages", "language", s.messages.language);
  if (auto l = domain::parse_language(s.messages.language)) s.messages.language = std::string(domain::to_string(*l));
  else r.fail("messages", "language", "must be \"zh-CN\" or \"en\"");
  r.get("log", "level", s.log.level);
  r.get("log", "format", s.log.format);
  if (s.log.format != "json" && s.log.format != "text")
    r.fail("log", "format", "must be \"json\" or \"text\"");
  r.get("tls", "cert_file", s.server.tls.cert_file);
  r.get("tls", "key_file", s.server.tls.key_file);
  r.get("tls", "min_version", s.server.tls.min_version);
  read_publication(r, s.publication);
  s.server.publication_page = s.publication.page;
  read_notifications(r, s.notifications);
}

// What is wrong with the TLS settings as a whole; "" when nothing.
std::string tls_problem(const tls_settings& t) {
  if (t.cert_file.empty() != t.key_file.empty())
    return t.cert_file.empty() ? "tls.key_file is set but tls.cert_file is not (give both, or neither)"
                               : "tls.cert_file is set but tls.key_file is not (give both, or neither)";
  if (t.min_version != "1.2" && t.min_version != "1.3") return "tls.min_version must be \"1.2\" or \"1.3\"";
  return {};
}

}  // namespace

bool set_listen(settings& s, const std::string& host_port) {
  auto colon = host_port.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  unsigned port = 0;
  const char* first = host_port.data() + colon + 1;
  const char* last = host_port.data() + host_port.size();
  auto [ptr, ec] = std::from_chars(first, last, port);
  if (ec != std::errc{} || ptr != last || port > 65535) return false;
  s.server.host = host_port.substr(0, colon);
  s.server.port = static_cast<std::uint16_t>(port);
  return true;
}

gridcoord::expected<void, load_error> set_tls_files(settings& s, const std::string& cert_file,
                                                    const std::string& key_file) {
  if (!cert_file.empty()) s.server.tls.cert_file = cert_file;
  if (!key_file.empty()) s.server.tls.key_file = key_file;
  if (auto problem = tls_problem(s.server.tls); !problem.empty()) return unexpected{load_error{problem}};
  return {};
}

gridcoord::expected<settings, load_error> parse_settings(std::string_view text,
                                                         const std::string& origin) {
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return unexpected{load_error{fmt::format("{}:{}: {}", origin, e.source().begin.line,
                                             e.description())}};
  }
  if (auto key = unknown_key(root); !key.empty())
    return unexpected{load_error{fmt::format("{}: unknown setting '{}'", origin, key)}};
  settings s;
  reader r{root, origin, {}};
  read_all(r, s);
  if (!r.problem.empty()) return unexpected{load_error{r.problem}};
  if (auto problem = tls_problem(s.server.tls); !problem.empty())
    return unexpected{load_error{fmt::format("{}: {}", origin, problem)}};
  return s;
}

gridcoord::expected<settings, load_error> load_settings(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return unexpected{load_error{fmt::format("{}: cannot be read", path)}};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_settings(text.str(), path);
}

}  // namespace gridcoord::config
