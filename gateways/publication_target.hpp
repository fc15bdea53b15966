#pragma once
// gateways/publication_target.hpp — where a restricted list (M6) is published:
// a directory the website and business halls read, and optionally an HTTP
// endpoint that receives the JSON (docs/publication.md).
//
// publish() writes <directory>/<number>/restricted.{json,csv,html} and the
// page in each language, restricted.zh-CN.html and restricted.en.html
// (restricted.html is the one in pages.default_language), then replaces
// <directory>/latest.* the same way, every file atomically: written
// to a temporary file in the same directory, fsynced, renamed over the name,
// and the directory fsynced, so a reader never sees half a file and a crash
// leaves the old file or the new one. Then, when post_url is set, it POSTs the
// JSON (Content-Type: application/json, Idempotency-Key: publication-<number>);
// a receiver that saw the key before must answer as it did the first time.
// [Threading] One thread at a time per publication_target.
// [Errors]    make() answers errc::invalid_request for a post_url that is not
//             http:// or https://, naming it. publish() and write_files()
//             answer errc::internal naming the path that could not be written
//             (files already written stay). A failed POST is not an error: the
//             files stay written, and the result says what the POST got, so
//             the caller retries post() alone later.
// [Limits]    Each POST is bounded by `timeout` (connect, TLS, write, read).
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "domain/error.hpp"
#include "domain/publication/publication.hpp"

namespace gridcoord::gateways {

struct publication_target_options {
  std::string directory;  // "" = no files
  std::string post_url;   // "" = no POST; "http://host[:port]/path" or https://
  std::chrono::milliseconds timeout{10'000};
  domain::capacity::page_settings pages;  // what the HTML pages say besides the data
};

// The pages' settings from [publication]'s (config/settings.hpp) and the zone
// times are written in; a language the loader did not accept reads as zh-CN.
domain::capacity::page_settings page_settings_of(const config::publication_page_settings& page,
                                                 std::string zone);

// What one POST got.
struct post_outcome {
  bool delivered = false;         // a 2xx answer
  std::optional<unsigned> status; // the HTTP status; nullopt when no answer arrived
  std::string problem;            // "" when delivered; else what went wrong, naming the URL
};

struct publish_result {
  std::vector<std::string> written;  // the paths replaced, in the order written
  std::optional<post_outcome> post;  // nullopt when no post_url is set
  // A POST is configured and did not get a 2xx: call post() again later.
  bool post_pending() const noexcept { return post && !post->delivered; }
};

class publication_target {
 public:
  [[nodiscard]] static domain::expected<publication_target> make(publication_target_options options);
  ~publication_target();
  publication_target(publication_target&&) noexcept;
  publication_target& operator=(publication_target&&) noexcept;

  // The files, then the POST.
  [[nodiscard]] domain::expected<publish_result> publish(const domain::capacity::publication& p);
  // The files alone (nothing when no directory is set): the paths written.
  [[nodiscard]] domain::expected<std::vector<std::string>> write_files(const domain::capacity::publication& p);
  // The POST alone (not delivered, saying so, when no post_url is set).
  post_outcome post(const domain::capacity::publication& p);

  const publication_target_options& options() const noexcept;

 private:
  struct impl;
  explicit publication_target(std::unique_ptr<impl> i);
  std::unique_ptr<impl> impl_;
};

}  // namespace gridcoord::gateways
