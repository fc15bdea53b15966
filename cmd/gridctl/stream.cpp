#include "cmd/gridctl/stream.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <variant>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "cmd/gridctl/error_report.hpp"
#include "cmd/gridctl/local_times.hpp"
#include "domain/json.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;
using clock = std::chrono::steady_clock;

namespace {

// One Server-Sent Events frame; `data` is empty for a comment (": keep-alive").
struct sse_frame {
  std::string id;
  std::string data;
};

// Splits the bytes of an event stream into frames, whatever the chunk boundaries.
class sse_splitter {
 public:
  // Calls on_frame(frame) for each complete frame; false once on_frame answered false.
  template <class F>
  bool feed(std::string_view bytes, F&& on_frame) {
    pending_.append(bytes);
    std::size_t at = 0;
    bool go = true;
    for (auto nl = pending_.find('\n'); go && nl != std::string::npos; nl = pending_.find('\n', at)) {
      std::string_view line(pending_.data() + at, nl - at);
      at = nl + 1;
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (!line.empty()) {
        field(line);
      } else if (seen_) {
        go = on_frame(frame_);
        frame_ = {};
        seen_ = false;
      }
    }
    pending_.erase(0, at);
    return go;
  }

 private:
  void field(std::string_view line) {
    seen_ = true;
    if (line.starts_with(':')) return;  // a comment
    auto colon = line.find(':');
    auto name = line.substr(0, colon);
    auto value = colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 1);
    if (value.starts_with(' ')) value.remove_prefix(1);
    if (name == "id") frame_.id = value;
    if (name == "data") frame_.data += (frame_.data.empty() ? "" : "\n") + std::string(value);
  }

  std::string pending_;
  sse_frame frame_;
  bool seen_ = false;
};

struct drop {
  std::string why;
};

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v) return "-";
  return domain::value_text(*v);
}

// A readable line for one event, its time in `zone` to the second.
std::string table_line(const json::value& event, const view_context& vc) {
  const auto* o = event.if_object();
  if (!o) return domain::to_text(event) + "\n";
  auto time = time_for_people(o->if_contains("time"), vc, domain::time_detail::seconds);
  return fmt::format("{:>6}  {}  {:<20}  {}  {}\n", text_of(*o, "seq"), time.is_null() ? "-" : domain::value_text(time),
                     text_of(*o, "type"), text_of(*o, "stream"), text_of(*o, "actor"));
}

std::optional<std::uint64_t> whole_number(std::string_view s) {
  if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  return std::stoull(std::string(s));
}

void pause(console& io, std::chrono::milliseconds d) {
  if (io.sleep) return io.sleep(d);
  std::this_thread::sleep_for(d);
}

// The stream across its connections: what was printed, and where to resume.
class stream_session {
 public:
  stream_session(const arguments& args, call_context& ctx, console& io, view_context vc)
      : ctx_(ctx), io_(io), vc_(std::move(vc)) {
    if (args.has("--after")) last_id_ = std::stoull(args.at("--after"));
    if (args.has("--limit")) limit_ = std::stoull(args.at("--limit"));
    if (args.has("--until-idle"))
      until_idle_ = std::chrono::milliseconds(std::max(1LL, std::llround(std::stod(args.at("--until-idle")) * 1000)));
    last_event_ = clock::now();
  }

  std::uint64_t last_id() const { return last_id_; }
  bool progressed() const { return progressed_; }

  // One connection: the exit code when the stream is over, else why it dropped.
  std::variant<exit_code, drop> connect(const client::http_request& req) {
    progressed_ = false;
    verdict_.reset();
    client::http_response head;
    std::string refusal;
    sse_splitter splitter;
    auto on_head = [&](const client::http_response& h) { return take_head(head = h); };
    auto on_bytes = [&](std::string_view bytes) {
      if (head.status != 200) {
        refusal.append(bytes);
        return client::stream_step::more;
      }
      bool go = splitter.feed(bytes, [this](const sse_frame& f) { return take_frame(f); });
      return go ? client::stream_step::more : client::stream_step::stop;
    };
    auto ended = ctx_.http.stream(req, on_head, on_bytes, until_idle_.value_or(follow_idle_timeout));
    if (!ended) return drop{ended.error().message};
    if (verdict_) return *verdict_;
    if (head.status != 200) return refused(head, refusal);
    if (*ended == client::stream_end::idle && until_idle_) return exit_code::ok;
    if (*ended == client::stream_end::idle)
      return drop{fmt::format("nothing arrived for {} s", follow_idle_timeout.count())};
    return drop{"the server ended the stream"};
  }

 private:
  client::stream_step take_head(const client::http_response& h) {
    if (h.status != 200) return client::stream_step::more;  // the refusal's body follows
    if (!h.header("Content-Type").value_or("").starts_with("text/event-stream")) {
      io_.err << "gridctl: the server answered 200 with something that is not an event stream\n";
      verdict_ = exit_code::server;
      return client::stream_step::stop;
    }
    progressed_ = true;
    return client::stream_step::more;
  }

  bool take_frame(const sse_frame& f) {
    if (f.data.empty()) {  // a keep-alive: has --until-idle passed without an event?
      if (until_idle_ && clock::now() - last_event_ >= *until_idle_) verdict_ = exit_code::ok;
      return !verdict_;
    }
    std::error_code ec;
    auto event = json::parse(f.data, ec);
    auto seq = whole_number(f.id);
    if (ec || !seq) {
      io_.err << "gridctl: the server sent an event that is not JSON with a numeric id\n";
      verdict_ = exit_code::server;
      return false;
    }
    last_event_ = clock::now();
    if (*seq <= last_id_) return true;  // already printed (or before --after)
    last_id_ = *seq;
    io_.out << (ctx_.table ? table_line(event, vc_) : domain::to_text(event) + "\n") << std::flush;
    if (limit_ && ++printed_ >= *limit_) verdict_ = exit_code::ok;
    return !verdict_;
  }

  exit_code refused(const client::http_response& head, const std::string& body) {
    std::error_code ec;
    json::value parsed = body.empty() ? json::value() : json::parse(body, ec);
    if (ec) parsed = nullptr;
    io_.err << describe_failure(head.status, head.reason, parsed);
    if (head.status == 401 && ctx_.token.empty())
      io_.err << "gridctl: no token is configured: use --token, $GRIDCOORD_TOKEN or `token` in the config file\n";
    auto code = exit_code_for_status(head.status);
    return code == exit_code::ok ? exit_code::server : code;
  }

  call_context& ctx_;
  console& io_;
  view_context vc_;  // --table: the zone of event times
  std::uint64_t last_id_ = 0;
  std::uint64_t printed_ = 0;
  std::optional<std::uint64_t> limit_;
  std::optional<std::chrono::milliseconds> until_idle_;
  clock::time_point last_event_;
  bool progressed_ = false;  // this connection got a 200 event-stream head
  std::optional<exit_code> verdict_;
};

exit_code complain(console& io, std::string_view message, exit_code code) {
  io.err << "gridctl: " << message << "\n";
  return code;
}

void set_header(client::http_request& req, std::string name, std::string value) {
  std::erase_if(req.headers, [&](const auto& h) { return h.first == name; });
  req.headers.emplace_back(std::move(name), std::move(value));
}

std::chrono::milliseconds backoff(int failures) {
  auto d = backoff_start * (1LL << std::min(failures - 1, 10));
  return std::min<std::chrono::milliseconds>(d, backoff_max);
}

}  // namespace

exit_code run_stream(const command& cmd, const arguments& args, call_context& ctx, console& io) {
  if (args.has("--follow") && args.has("--until-idle"))
    return complain(io, "give --follow or --until-idle, not both", exit_code::usage);
  if (args.has("--limit") && args.at("--limit").find_first_not_of('0') == std::string::npos)
    return complain(io, "--limit must be at least 1", exit_code::usage);
  auto req = cmd.build(args);
  if (!req) return complain(io, req.error(), exit_code::usage);
  if (!ctx.token.empty()) set_header(*req, "Authorization", "Bearer " + ctx.token);
  set_header(*req, "Accept-Language", ctx.language);
  view_context vc;
  if (ctx.table) vc.zone = zone_for_people(ctx, io);  // before the stream holds the connection
  stream_session session(args, ctx, io, std::move(vc));
  for (int failures = 0, attempt = 1;; ++attempt) {
    auto result = session.connect(*req);
    if (auto* code = std::get_if<exit_code>(&result)) return *code;
    const auto& why = std::get<drop>(result).why;
    if (attempt == 1 && !session.progressed()) return complain(io, why, exit_code::server);
    failures = session.progressed() ? 1 : failures + 1;
    if (failures > max_stream_retries)
      return complain(io, fmt::format("{}; gave up after {} reconnections", why, max_stream_retries),
                      exit_code::server);
    auto delay = backoff(failures);
    io.err << fmt::format("gridctl: {}; reconnecting in {:g} s (try {} of {}), resuming after {}\n", why,
                          std::chrono::duration<double>(delay).count(), failures, max_stream_retries,
                          session.last_id());
    pause(io, delay);
    set_header(*req, "Last-Event-ID", std::to_string(session.last_id()));
  }
}

}  // namespace gridcoord::gridctl
