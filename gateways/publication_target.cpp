#include "gateways/publication_target.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "gateways/client/http_client.hpp"
#include "gateways/client/url.hpp"

namespace gridcoord::gateways {

namespace fs = std::filesystem;
using domain::errc;
using domain::fail;

namespace {

std::string errno_text() { return std::strerror(errno); }

// Closes a descriptor when it goes out of scope.
struct descriptor {
  int fd = -1;
  ~descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

domain::status fsync_directory(const fs::path& dir) {
  descriptor d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd < 0) return fail(errc::internal, fmt::format("cannot open directory {}: {}", dir.string(), errno_text()));
  if (::fsync(d.fd) != 0)
    return fail(errc::internal, fmt::format("cannot fsync directory {}: {}", dir.string(), errno_text()));
  return {};
}

domain::status write_all(int fd, std::string_view bytes, const fs::path& path) {
  while (!bytes.empty()) {
    auto n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(errc::internal, fmt::format("cannot write {}: {}", path.string(), errno_text()));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

// A unique temporary name next to `path`, hidden from a directory listing.
fs::path temporary_for(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  return path.parent_path() /
         fmt::format(".{}.tmp-{}-{}", path.filename().string(), ::getpid(), counter.fetch_add(1));
}

// Replaces `path` by `bytes` atomically: temp file, fsync, rename, fsync the directory.
domain::status replace_file(const fs::path& path, std::string_view bytes) {
  auto tmp = temporary_for(path);
  descriptor f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)};
  if (f.fd < 0) return fail(errc::internal, fmt::format("cannot create {}: {}", tmp.string(), errno_text()));
  auto st = write_all(f.fd, bytes, tmp);
  if (st && ::fsync(f.fd) != 0) st = fail(errc::internal, fmt::format("cannot fsync {}: {}", tmp.string(), errno_text()));
  int fd = std::exchange(f.fd, -1);
  if (::close(fd) != 0 && st) st = fail(errc::internal, fmt::format("cannot close {}: {}", tmp.string(), errno_text()));
  if (st && ::rename(tmp.c_str(), path.c_str()) != 0)
    st = fail(errc::internal, fmt::format("cannot rename {} to {}: {}", tmp.string(), path.string(), errno_text()));
  if (!st) {
    ::unlink(tmp.c_str());
    return st;
  }
  return fsync_directory(path.parent_path());
}

// Creates `dir` and any missing parent, fsyncing the directory that holds each
// new one so that the new entries last.
domain::status make_directory(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> created;  // the deepest first
  for (auto p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    created.push_back(p);
    if (p == p.parent_path()) break;
  }
  fs::create_directories(dir, ec);
  if (ec) return fail(errc::internal, fmt::format("cannot create directory {}: {}", dir.string(), ec.message()));
  if (!fs::is_directory(dir, ec))
    return fail(errc::internal, fmt::format("cannot create directory {}: it exists and is not a directory",
                                            dir.string()));
  for (auto it = created.rbegin(); it != created.rend(); ++it) {
    auto parent = it->parent_path();
    if (auto st = fsync_directory(parent.empty() ? fs::path(".") : parent); !st) return st;
  }
  return {};
}

// The files of one publication under one name ("restricted", "latest"): the
// JSON, the CSV, the page in the default language, and the page in each.
struct rendering {
  std::string suffix;  // ".json", ".zh-CN.html", …
  std::string bytes;
};

std::vector<rendering> renderings_of(const domain::capacity::publication& p,
                                     const domain::capacity::page_settings& pages) {
  using domain::language;
  std::vector<rendering> out;
  out.push_back({".json", domain::capacity::encode_publication(p)});
  out.push_back({".csv", domain::capacity::render_csv(p)});
  out.push_back({".html", domain::capacity::render_html(p, pages, pages.default_language)});
  for (auto lang : {language::zh_cn, language::en})
    out.push_back({fmt::format(".{}.html", domain::to_string(lang)), domain::capacity::render_html(p, pages, lang)});
  return out;
}

}  // namespace

domain::capacity::page_settings page_settings_of(const config::publication_page_settings& page, std::string zone) {
  domain::capacity::page_settings s;
  s.default_language = domain::parse_language(page.language).value_or(domain::language::zh_cn);
  s.zh_cn = {page.zh_cn.issuer, page.zh_cn.contact};
  s.en = {page.en.issuer, page.en.contact};
  s.zone = std::move(zone);
  return s;
}

struct publication_target::impl {
  publication_target_options options;
  std::optional<client::endpoint> where;
};

publication_target::publication_target(std::unique_ptr<impl> i) : impl_(std::move(i)) {}
publication_target::~publication_target() = default;
publication_target::publication_target(publication_target&&) noexcept = default;
publication_target& publication_target::operator=(publication_target&&) noexcept = default;

domain::expected<publication_target> publication_target::make(publication_target_options options) {
  auto i = std::make_unique<impl>();
  if (!options.post_url.empty()) {
    bool schemed = options.post_url.starts_with("http://") || options.post_url.starts_with("https://");
    auto where = client::parse_url(options.post_url);
    if (!schemed || !where)
      return fail(errc::invalid_request,
                  fmt::format("publication.post_url \"{}\" is not an http:// or https:// URL{}", options.post_url,
                              where ? "" : ": " + where.error()));
    i->where = *where;
  }
  i->options = std::move(options);
  return publication_target{std::move(i)};
}

const publication_target_options& publication_target::options() const noexcept { return impl_->options; }

domain::expected<std::vector<std::string>> publication_target::write_files(const domain::capacity::publication& p) {
  std::vector<std::string> written;
  if (impl_->options.directory.empty()) return written;
  const fs::path root{impl_->options.directory};
  const fs::path numbered = root / fmt::format("{}", p.number);
  if (auto st = make_directory(numbered); !st) return gridcoord::unexpected{st.error()};
  const auto files = renderings_of(p, impl_->options.pages);
  // The numbered files first: latest.* then only ever names a complete publication.
  for (const auto& f : files) {
    auto path = numbered / ("restricted" + f.suffix);
    if (auto st = replace_file(path, f.bytes); !st) return gridcoord::unexpected{st.error()};
    written.push_back(path.string());
  }
  for (const auto& f : files) {
    auto path = root / ("latest" + f.suffix);
    if (auto st = replace_file(path, f.bytes); !st) return gridcoord::unexpected{st.error()};
    written.push_back(path.string());
  }
  return written;
}

post_outcome publication_target::post(const domain::capacity::publication& p) {
  if (!impl_->where) return post_outcome{false, std::nullopt, "no publication.post_url is set"};
  const auto& where = *impl_->where;
  client::http_client http{where, client::client_options{.timeout = impl_->options.timeout,
                                                         .user_agent = "gridcoord-publication"}};
  client::http_request request;
  request.method = "POST";
  request.target = where.base_path.empty() ? "/" : "";
  request.body = domain::capacity::encode_publication(p);
  request.headers.emplace_back("Idempotency-Key", fmt::format("publication-{}", p.number));
  auto answer = http.send(request);
  post_outcome out;
  if (!answer) {
    out.problem = fmt::format("POST {}: {}", impl_->options.post_url, answer.error().message);
    return out;
  }
  out.status = answer->status;
  out.delivered = answer->status >= 200 && answer->status < 300;
  if (!out.delivered)
    out.problem = fmt::format("POST {} answered {} {}", impl_->options.post_url, answer->status, answer->reason);
  return out;
}

domain::expected<publish_result> publication_target::publish(const domain::capacity::publication& p) {
  publish_result result;
  auto written = write_files(p);
  if (!written) return gridcoord::unexpected{written.error()};
  result.written = std::move(*written);
  if (impl_->where) result.post = post(p);
  return result;
}

}  // namespace gridcoord::gateways
