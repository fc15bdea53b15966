#include "cmd/gridcoord/serve.hpp"

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <future>
#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/runtime.hpp"
#include "config/calendar_files.hpp"
#include "config/messages_file.hpp"
#include "config/standards_file.hpp"
#include "config/time_limits_file.hpp"
#include "gateways/notification_target.hpp"
#include "cmd/gridcoord/demo.hpp"
#include "cmd/gridcoord/publication_delivery.hpp"
#include "gateways/access_log.hpp"
#include "gateways/http_server.hpp"

namespace gridcoord::cmd {

namespace {

// SIGINT and SIGTERM are blocked in every thread and taken by sigwait in main,
// so shutdown runs on the main thread, in order, never in a signal handler.
sigset_t shutdown_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

actors::runtime_options runtime_options_of(const config::settings& s) {
  actors::runtime_options o;
  o.data_dir = s.storage.data_dir;
  o.scheduler_threads = s.actors.scheduler_threads;
  o.group_commit_window = s.storage.group_commit_window;
  o.max_batch_events = s.storage.max_batch_events;
  o.snapshot_every_events = s.storage.snapshot_every_events;
  o.min_free_bytes = s.storage.min_free_mb << 20;
  return o;
}

// "HH:MM" as minutes after midnight. REQUIRES: a time load_settings accepted.
std::chrono::minutes clock_time(const std::string& hhmm) {
  auto digit = [&](std::size_t i) { return hhmm[i] - '0'; };
  return std::chrono::minutes{(digit(0) * 10 + digit(1)) * 60 + digit(3) * 10 + digit(4)};
}

// The pages name no issuer or give no contact in a language: the public would
// not know whom to ask.
void warn_of_missing_publishers(const config::publication_page_settings& page) {
  for (auto [tag, by] : {std::pair{"zh-CN", &page.zh_cn}, std::pair{"en", &page.en}}) {
    if (by->issuer.empty())
      spdlog::warn("publications: the {0} page names no issuer: set issuer in [publication.{0}] (docs/publication.md)",
                   tag);
    if (by->contact.empty())
      spdlog::warn("publications: the {0} page gives no contact: set contact in [publication.{0}] "
                   "(docs/publication.md)",
                   tag);
  }
}

// The capacity register's settings (the standards file) and the publication
// of the restricted list: its schedule and its target. False, logged, when the
// standards file or the publication target cannot be used.
bool set_capacity_options(const config::settings& s, actors::runtime_options& o) {
  std::vector<std::string> notes;
  auto standards = config::load_standards_file(s.standards.file, &notes);
  if (!standards) {
    spdlog::critical("cannot load the standards file: {}", standards.error().message);
    return false;
  }
  for (const auto& note : notes) spdlog::info("standards: {}", note);
  o.capacity = std::move(*standards);

  const auto& p = s.publication;
  gateways::publication_target_options target{p.directory, p.post_url,
                                              std::chrono::duration_cast<std::chrono::milliseconds>(p.post_timeout),
                                              gateways::page_settings_of(p.page, s.time.zone)};
  warn_of_missing_publishers(p.page);
  auto made = gateways::publication_target::make(target);
  if (!made) {
    spdlog::critical("cannot set up the publication target: {}", made.error().message);
    return false;
  }
  o.publication.working_days_after_month_end = p.working_days_after_month_end;
  o.publication.local_time = clock_time(p.time);
  o.publication.max_sleep = std::chrono::seconds{60};
  o.publication_target = std::make_shared<publication_delivery>(std::move(*made));
  spdlog::info("publications: {}; the monthly restricted list on working day {} after month end at {} ({})",
               describe(target), p.working_days_after_month_end, p.time, s.time.zone);
  return true;
}

// The time limits of E1–E9 (the time-limits file, its profile), the
// messages to customers (the messages file, its language) and the customer
// notifications' target and retry policy. False, logged, when a file or the
// target cannot be used.
bool set_sla_options(const config::settings& s, actors::runtime_options& o) {
  std::vector<std::string> notes;
  auto limits = config::load_time_limits_file(s.time_limits.file, s.time_limits.profile, &notes);
  if (!limits) {
    spdlog::critical("cannot load the time limits: {}", limits.error().message);
    return false;
  }
  for (const auto& note : notes) spdlog::info("time limits: {}", note);
  o.time_limits = std::make_shared<const domain::sla::catalogue>(std::move(*limits));
  spdlog::info("time limits: profile {} of {}", s.time_limits.profile, s.time_limits.file);
  notes.clear();
  auto messages = config::load_messages_file(s.messages.file, s.messages.language, &notes);
  if (!messages) {
    spdlog::critical("cannot load the customer messages: {}", messages.error().message);
    return false;
  }
  for (const auto& note : notes) spdlog::info("messages: {}", note);
  o.messages = std::make_shared<const domain::sla::message_catalogue>(std::move(*messages));
  spdlog::info("messages: customers are written to in {} from {}, times in {}", s.messages.language,
               s.messages.file, s.time.zone);

  const auto& n = s.notifications;
  o.notifications.retry = {n.retry_initial, 2.0, std::chrono::duration_cast<std::chrono::milliseconds>(n.retry_max),
                           n.jitter_pct / 100.0, n.max_attempts};
  if (n.endpoint.empty()) {
    spdlog::info("notifications: no endpoint; they wait in the outbox (notifications.endpoint)");
    return true;
  }
  auto target = gateways::notification_target::make(
      {n.endpoint, n.connections, std::chrono::duration_cast<std::chrono::milliseconds>(n.timeout), n.ca_file});
  if (!target) {
    spdlog::critical("cannot set up the notification target: {}", target.error().message);
    return false;
  }
  o.notification_target = std::move(*target);
  spdlog::info("notifications: POSTed to {} over up to {} connections, {} attempts at most", n.endpoint,
               n.connections, n.max_attempts);
  return true;
}

// The event log's figures and the calendar's years for GET /metrics; the
// runtime outlives the server.
gateways::metrics_source metrics_of(const actors::runtime& rt) {
  auto log = [&rt] {
    auto f = rt.log_figures();
    gateways::histogram_figures sizes{std::move(f.batch_size_bounds), std::move(f.batch_sizes), f.events};
    return gateways::log_figures{f.batches, f.events, f.appends, std::move(sizes)};
  };
  auto calendar = [&rt] {
    auto c = rt.calendar_coverage();
    std::vector<gateways::calendar_year> years;
    for (auto y : c.covered_years) years.push_back({y, true});
    for (auto y : c.missing_years) years.push_back({y, false});
    std::sort(years.begin(), years.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    return years;
  };
  return {log, calendar};
}

}  // namespace

domain::expected<std::string> bootstrap_token(actors::client& api, bool first_start, bool demo) {
  if (!first_start && !demo) return std::string{};
  std::promise<domain::expected<domain::issued_token>> answer;
  api.create_token({"admin", first_start ? "bootstrap administrator" : "demo session", "bootstrap", "", {}},
                   [&](auto t) { answer.set_value(std::move(t)); });
  auto issued = answer.get_future().get();
  if (!issued) return unexpected{issued.error()};
  spdlog::info("administrator token {} issued ({})", issued->record.id, issued->record.description);
  return issued->token;
}

int serve(const serve_options& options) {
  const auto& s = options.settings;
  gateways::configure_logging(gateways::parse_log_format(s.log.format).value_or(gateways::log_format::json));
  spdlog::set_level(spdlog::level::from_str(s.log.level));
  auto signals = shutdown_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts

  auto calendar = config::load_reporting_calendar(s);
  if (!calendar) {
    spdlog::critical("cannot load the reporting calendar: {}", calendar.error().message);
    return 1;
  }
  for (const auto& note : calendar->notes) spdlog::info("calendar: {}", note);
  std::error_code ec;
  std::filesystem::create_directories(s.storage.data_dir, ec);
  auto options_rt = runtime_options_of(s);
  if (!set_capacity_options(s, options_rt) || !set_sla_options(s, options_rt)) return 1;
  options_rt.reporting_calendar = std::make_shared<const domain::reporting_calendar>(std::move(calendar->calendar));
  auto rt = actors::runtime::start(std::move(options_rt));
  if (!rt) {
    spdlog::critical("cannot start: {}", rt.error().message);
    return 1;
  }
  const auto& up = (*rt)->startup();
  spdlog::info("event log at {}: {} events (snapshot at {}, {} replayed)", s.storage.data_dir,
               up.last_seq, up.snapshot_seq, up.replayed_events);
  auto admin_token = bootstrap_token((*rt)->api(), up.active_tokens == 0, options.demo);
  if (!admin_token) {
    spdlog::critical("cannot issue the first administrator token: {}", admin_token.error().message);
    return 1;
  }
  if (options.demo) {
    auto loaded = load_demo_data((*rt)->api(), up.last_seq);
    if (!loaded) {
      spdlog::critical("cannot load the demo data: {}", loaded.error().message);
      return 1;
    }
    if (*loaded > 0)
      spdlog::info("demo data loaded: the Lanhai equipment registry, {} reports, the customers and an outage "
                   "on F-222", *loaded);
  }
  if ((*rt)->api().equipment_view()->empty())
    spdlog::warn("the equipment registry is empty: reports are not checked against equipment until one is "
                 "imported (POST /v1/equipment/imports, gridctl equipment import; docs/equipment.md)");

  gateways::http_server server(s.server, (*rt)->api(), {}, metrics_of(**rt));
  if (auto started = server.start(); !started) {
    spdlog::critical("cannot listen on {}:{}: {}", s.server.host, s.server.port,
                     started.error().message);
    return 1;
  }
  auto base = fmt::format("{}://{}:{}", s.server.tls.enabled() ? "https" : "http", s.server.host, server.port());
  spdlog::info("gridcoord listening on {}", base);
  if (options.demo)
    std::cout << demo_hints(base, *admin_token) << std::flush;
  else if (!admin_token->empty())
    std::cout << "\nFirst start: an administrator token was issued. It is shown only now; keep it safe:\n\n  "
              << *admin_token << "\n\nUse it as \"Authorization: Bearer <token>\" and create the "
              << "other tokens with POST /v1/tokens.\n\n" << std::flush;

  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info("{} received: stopping", sig == SIGINT ? "SIGINT" : "SIGTERM");
  server.stop();    // no new requests; in-flight ones finish
  (*rt)->stop();    // actors drain, final snapshot, store closed
  spdlog::info("stopped cleanly");
  return 0;
}

}  // namespace gridcoord::cmd
