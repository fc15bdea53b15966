#include "gateways/access_log.hpp"

#include <chrono>
#include <ctime>
#include <iterator>
#include <string>

#include <boost/json/serialize.hpp>
#include <boost/json/string_view.hpp>
#include <fmt/format.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "gateways/uri.hpp"

namespace gridcoord::gateways {

namespace {

// An access line's payload is three parts separated by this byte (which
// never occurs in them: they are built from escaped or sanitised text):
// the message, what text lines add to it, and the JSON members.
constexpr char part_separator = '\x1f';

struct parts {
  std::string_view msg;
  std::string_view text_tail;     // "" on ordinary lines
  std::string_view json_members;  // "" on ordinary lines
};

// Non-UTF-8 text loses its non-ASCII bytes; control characters become ' ' in
// text lines (JSON escapes them).
std::string sanitised(std::string_view text, bool for_text_line) {
  std::string out(text);
  bool utf8 = is_utf8(text);
  for (char& c : out) {
    auto byte = static_cast<unsigned char>(c);
    if (!utf8 && byte >= 0x80) c = '?';
    if (for_text_line && (byte < 0x20 || byte == 0x7f)) c = ' ';
  }
  return out;
}

std::string json_string(std::string_view text) {
  auto safe = sanitised(text, false);
  return boost::json::serialize(boost::json::string_view(safe.data(), safe.size()));
}

void append_time(spdlog::log_clock::time_point t, spdlog::memory_buf_t& dest) {
  using namespace std::chrono;
  auto us = duration_cast<microseconds>(t.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(us / 1'000'000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  fmt::format_to(std::back_inserter(dest), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, us % 1'000'000);
}

parts split(const spdlog::details::log_msg& msg) {
  std::string_view payload(msg.payload.data(), msg.payload.size());
  std::string_view logger(msg.logger_name.data(), msg.logger_name.size());
  auto first = payload.find(part_separator);
  auto second = first == payload.npos ? payload.npos : payload.find(part_separator, first + 1);
  if (logger != access_logger_name || second == payload.npos) return {payload, {}, {}};
  return {payload.substr(0, first), payload.substr(first + 1, second - first - 1),
          payload.substr(second + 1)};
}

class line_formatter final : public spdlog::formatter {
 public:
  explicit line_formatter(log_format format) : format_(format) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    auto p = split(msg);
    auto level = spdlog::level::to_string_view(msg.level);
    auto out = std::back_inserter(dest);
    if (format_ == log_format::json) {
      dest.append(std::string_view("{\"time\":\""));
      append_time(msg.time, dest);
      fmt::format_to(out, "\",\"level\":\"{}\",\"msg\":{}", std::string_view(level.data(), level.size()),
                     json_string(p.msg));
      if (!p.json_members.empty()) fmt::format_to(out, ",{}", p.json_members);
      dest.append(std::string_view("}\n"));
    } else {
      append_time(msg.time, dest);
      fmt::format_to(out, " {:<5} {}{}\n", std::string_view(level.data(), level.size()),
                     sanitised(p.msg, true), p.text_tail);
    }
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<line_formatter>(format_);
  }

 private:
  log_format format_;
};

}  // namespace

std::optional<log_format> parse_log_format(std::string_view text) noexcept {
  if (text == "json") return log_format::json;
  if (text == "text") return log_format::text;
  return std::nullopt;
}

std::unique_ptr<spdlog::formatter> make_log_formatter(log_format format) {
  return std::make_unique<line_formatter>(format);
}

void log_to(spdlog::sink_ptr sink, log_format format) {
  sink->set_formatter(make_log_formatter(format));
  auto level = spdlog::default_logger_raw()->level();
  auto main = std::make_shared<spdlog::logger>("gridcoord", sink);
  auto access = std::make_shared<spdlog::logger>(std::string(access_logger_name), sink);
  main->set_level(level);
  access->set_level(level);
  spdlog::drop(std::string(access_logger_name));
  spdlog::register_logger(access);
  spdlog::set_default_logger(std::move(main));
}

void configure_logging(log_format format) {
  log_to(std::make_shared<spdlog::sinks::stderr_sink_mt>(), format);
}

void log_access(const access_record& r) {
  auto logger = spdlog::get(std::string(access_logger_name));
  if (logger && !logger->should_log(spdlog::level::info)) return;
  auto msg = sanitised(fmt::format("{} {} {}", r.method, r.path, r.status), true);
  auto tail = sanitised(fmt::format(" {:.1f}ms id={} route={} remote={} bytes={}", r.duration_ms,
                                    r.request_id, r.route, r.remote, r.bytes),
                        true);
  if (!logger) return spdlog::info("{}{}", msg, tail);
  auto members = fmt::format(
      "\"request_id\":{},\"method\":{},\"route\":{},\"path\":{},\"status\":{},\"duration_ms\":{:.3f},"
      "\"remote\":{},\"bytes\":{}",
      json_string(r.request_id), json_string(r.method), json_string(r.route), json_string(r.path),
      r.status, r.duration_ms, json_string(r.remote), r.bytes);
  logger->info("{}{}{}{}{}", msg, part_separator, tail, part_separator, members);
}

}  // namespace gridcoord::gateways
