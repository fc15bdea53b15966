#pragma once
// config/settings.hpp — every setting of the server, with its default.
//
// Read from a TOML file (config/gridcoord.toml documents each key, its default
// and its unit); command-line flags override the file; unset keys keep the
// defaults below.
// [Errors] load_settings names the file, the key and what is wrong; an unknown
//          key is an error too (a typo must not silently fall back to a default).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/expected.hpp"

namespace gridcoord::config {

// TLS for the HTTP/JSON gateway. Both files empty: plain HTTP. Both set: every
// connection is TLS (the files are read when the server starts; a file that
// cannot be read or parsed, or a key that does not match the certificate, is a
// startup error naming the file). One set without the other is a settings error.
struct tls_settings {
  std::string cert_file;            // PEM: the server certificate, then any intermediates
  std::string key_file;             // PEM: its private key (unencrypted)
  std::string min_version = "1.2";  // oldest TLS version accepted: "1.2" or "1.3"
  bool enabled() const noexcept { return !cert_file.empty(); }
};

// What the restricted list's pages (M6, docs/publication.md) say besides the
// data: their language when a reader asks for none, and who publishes the list
// and how to reach them in each language ([publication.zh-CN], [publication.en]).
struct publisher_settings {
  std::string issuer;   // e.g. "蓝海供电公司 营销部"; "" = the pages name no issuer
  std::string contact;  // a phone number, an address; "" = the pages give no contact
};

struct publication_page_settings {
  std::string language = "zh-CN";  // "zh-CN" or "en"
  publisher_settings zh_cn;
  publisher_settings en;
};

struct server_settings {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned io_threads = 1;                        // Asio threads serving HTTP
  std::size_t max_body_bytes = 64u << 20;         // 413 above this
  std::size_t max_header_bytes = 16u << 10;       // 431 above this
  std::chrono::seconds header_timeout{10};        // a request's head must arrive within this
  std::chrono::seconds read_timeout{30};          // its body within this after the head
  std::chrono::seconds idle_timeout{60};          // keep-alive connection closed after this
  std::size_t max_connections = 1024;
  std::size_t reserved_connections = 32;          // beyond max: health and administrators only
  std::size_t max_connections_per_address = 128;  // from one client address; 0 = no limit
  unsigned rate_limit_per_second = 100;           // per token; 0 turns the limit off (then no 429)
  unsigned rate_limit_burst = 200;                // requests a token may make at once
  tls_settings tls;                               // the [tls] section of the file
  // The web console's files from this folder instead of the binary's copy, for
  // working on the console without rebuilding ("" = the embedded copy).
  std::string console_dir;
  // The zone the console shows times in: [time].zone, copied by the loader.
  std::string time_zone = "Asia/Shanghai";
  // What GET /v1/publications/…?format=html says: [publication]'s language and
  // publishers, copied by the loader.
  publication_page_settings publication_page;
};

struct storage_settings {
  std::string data_dir = "./var";
  std::chrono::microseconds group_commit_window{200};
  std::size_t max_batch_events = 4096;
  std::uint64_t snapshot_every_events = 10'000;   // a snapshot after this many new events
  std::uint64_t min_free_mb = 1024;               // writes refused (503) below this much free disk; 0 = off
};

struct actor_settings {
  unsigned scheduler_threads = 0;                  // 0: one per core
};

struct time_settings {
  std::string zone = "Asia/Shanghai";              // IANA name; working days and local dates
};

// The working-day calendar and the reporting rules (docs/calendar.md); relative
// paths are relative to the working directory, as storage.data_dir is.
struct calendar_settings {
  std::string file = "config/calendars/cn-2026.toml";   // holidays and make-up working days
  std::string reporting_file = "config/reporting.toml";  // when each report kind is due
};

// The capacity part of the standards catalogue (docs/standards.md); a relative
// path is relative to the working directory.
struct standards_settings {
  std::string file = "config/standards.toml";  // capacity register settings and default load standards
};

// The time-limit part of the standards catalogue (docs/time-limits.md): the
// limits of E1–E9 and which profile of the file is in force; a relative path
// is relative to the working directory.
struct time_limits_settings {
  std::string file = "config/time_limits.toml";  // profiles of dated E1–E9 limits
  std::string profile = "document";              // the one in force: "document" or "sgcc-2023" as shipped
};

// What customers are told (docs/notifications.md, "What the customer reads"):
// the templates' file and the language every message is written in; a
// relative path is relative to the working directory.
struct message_settings {
  std::string file = "config/messages.toml";  // per language, a template per message kind
  std::string language = "zh-CN";             // "zh-CN" or "en"; the file must hold it
};

struct log_settings {
  std::string level = "info";                      // trace, debug, info, warn, error
  std::string format = "json";                     // json (one object per line) or text (for people)
};

// The published restricted list (M6, docs/publication.md): where it goes and
// when the monthly one is issued.
struct publication_settings {
  std::string directory = "./var/publication";   // "" = no files; <number>/restricted.* and latest.*
  std::string post_url;                           // "" = no POST; http:// or https://
  std::chrono::seconds post_timeout{10};          // one POST as a whole; 1 or more
  unsigned working_days_after_month_end = 3;      // issued on this working day after month end (1..23)
  std::string time = "09:00";                     // local time (time.zone) of that day, "HH:MM"
  publication_page_settings page;                 // language, [publication.zh-CN], [publication.en]
};

// Customer notifications (flow E3, docs/notifications.md): where the outbox
// delivers and how it retries.
struct notification_settings {
  std::string endpoint;                              // "" = no deliveries (they stay in the outbox); http(s)://
  unsigned connections = 8;                          // keep-alive connections to the endpoint (1..256)
  std::chrono::seconds timeout{10};                  // one attempt as a whole (1..600)
  std::string ca_file;                               // https: PEM CAs to trust instead of the system's; "" = system
  std::chrono::milliseconds retry_initial{1'000};    // the wait after the first failure (100 ms..1 h)
  std::chrono::seconds retry_max{300};               // the longest wait (1 s..1 day)
  unsigned max_attempts = 8;                         // then the message is dead-lettered (1..100)
  unsigned jitter_pct = 20;                          // each wait scaled within ± this percent (0..90)
};

struct settings {
  server_settings server;
  storage_settings storage;
  actor_settings actors;
  time_settings time;
  calendar_settings calendar;
  standards_settings standards;
  time_limits_settings time_limits;
  message_settings messages;
  log_settings log;
  publication_settings publication;
  notification_settings notifications;
};

struct load_error {
  std::string message;
};

// Reads `path` over the defaults. A missing file is an error.
[[nodiscard]] gridcoord::expected<settings, load_error> load_settings(const std::string& path);

// Parses TOML text over the defaults; `origin` names it in errors.
[[nodiscard]] gridcoord::expected<settings, load_error> parse_settings(std::string_view toml,
                                                                       const std::string& origin);

// Sets both TLS files (the --tls-cert / --tls-key flags override the file's);
// a message when only one of them is set afterwards, or min_version is not
// "1.2" or "1.3". "" keeps the value already there.
[[nodiscard]] gridcoord::expected<void, load_error> set_tls_files(settings& s, const std::string& cert_file,
                                                                  const std::string& key_file);

// Parses "HOST:PORT" into s.server; false when malformed.
[[nodiscard]] bool set_listen(settings& s, const std::string& host_port);

}  // namespace gridcoord::config
