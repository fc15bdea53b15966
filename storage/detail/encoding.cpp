#include "storage/detail/encoding.hpp"

#include <cstdint>
#include <optional>

namespace gridcoord::storage::detail {
namespace {

void put_fixed64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((v >> shift) & 0xffu));
  }
}

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80u) {
    out.push_back(static_cast<char>((v & 0x7fu) | 0x80u));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_bytes(std::string& out, std::string_view bytes) {
  put_varint(out, bytes.size());
  out.append(bytes);
}

// Reads fields front to back; any failure sticks and is reported by ok().
class reader {
 public:
  explicit reader(std::string_view in) : in_(in) {}

  bool ok() const noexcept { return ok_; }
  bool at_end() const noexcept { return in_.empty(); }

  char tag() {
    std::string_view b = take(1);
    return b.empty() ? '\0' : b[0];
  }

  std::uint64_t fixed64() {
    std::string_view b = take(8);
    std::uint64_t v = 0;
    for (char c : b) v = (v << 8) | static_cast<unsigned char>(c);
    return v;
  }

  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      std::string_view b = take(1);
      if (b.empty()) return 0;
      auto byte = static_cast<unsigned char>(b[0]);
      v |= static_cast<std::uint64_t>(byte & 0x7fu) << shift;
      if ((byte & 0x80u) == 0) return v;
    }
    ok_ = false;
    return 0;
  }

  std::string bytes() {
    std::uint64_t n = varint();
    if (!ok_ || n > in_.size()) {
      ok_ = false;
      return {};
    }
    return std::string(take(static_cast<std::size_t>(n)));
  }

 private:
  std::string_view take(std::size_t n) {
    if (!ok_ || in_.size() < n) {
      ok_ = false;
      return {};
    }
    std::string_view taken = in_.substr(0, n);
    in_.remove_prefix(n);
    return taken;
  }

  std::string_view in_;
  bool ok_ = true;
};

// True when every field was read and no bytes are left over.
bool finished(const reader& r) { return r.ok() && r.at_end(); }

gridcoord::unexpected<error> corrupt(std::string_view what) {
  return fail(errc::corruption, "undecodable " + std::string(what));
}

}  // namespace

std::string encode_seq(seq_t seq) {
  std::string out;
  out.reserve(8);
  put_fixed64(out, seq);
  return out;
}

expected<seq_t> decode_seq(std::string_view key) {
  if (key.size() != 8) return corrupt("event key");
  reader r(key);
  return r.fixed64();
}

bool valid_stream_name(std::string_view stream) noexcept {
  return stream.find('\0') == std::string_view::npos;
}

std::string stream_key(std::string_view stream, seq_t seq) {
  std::string out;
  out.reserve(stream.size() + 9);
  out.append(stream);
  out.push_back('\0');
  put_fixed64(out, seq);
  return out;
}

std::string stream_upper_bound(std::string_view stream) {
  std::string out(stream);
  out.push_back('\x01');
  return out;
}

expected<seq_t> decode_stream_key(std::string_view stream, std::string_view key) {
  if (key.size() != stream.size() + 9 || !key.starts_with(stream) || key[stream.size()] != '\0') {
    return corrupt("stream index key");
  }
  return decode_seq(key.substr(stream.size() + 1));
}

std::string encode_event(const event_draft& draft) {
  std::string out;
  out.reserve(1 + 8 + draft.stream.size() + draft.type.size() + draft.actor.size() +
              draft.payload.size() + draft.origin.size() + 4 * 6);
  out.push_back(event_v2_tag);
  put_fixed64(out, static_cast<std::uint64_t>(draft.time.time_since_epoch().count()));
  put_bytes(out, draft.stream);
  put_bytes(out, draft.type);
  put_bytes(out, draft.actor);
  put_bytes(out, draft.payload);
  put_bytes(out, draft.origin);
  return out;
}

expected<event> decode_event(seq_t seq, std::string_view value) {
  reader r(value);
  const char tag = r.tag();
  if (tag != event_tag && tag != event_v2_tag) return corrupt("event " + std::to_string(seq));
  event e;
  e.seq = seq;
  const auto micros = static_cast<std::int64_t>(r.fixed64());
  e.time = time_point(std::chrono::microseconds(micros));
  e.stream = r.bytes();
  e.type = r.bytes();
  e.actor = r.bytes();
  e.payload = r.bytes();
  if (tag == event_v2_tag) e.origin = r.bytes();
  if (!finished(r)) return corrupt("event " + std::to_string(seq));
  return e;
}

std::string encode_idempotency(const idempotency_record& record) {
  std::string out;
  out.push_back(idempotency_tag);
  put_fixed64(out, record.first_seq);
  put_bytes(out, record.request_hash);
  put_bytes(out, record.result);
  return out;
}

expected<idempotency_record> decode_idempotency(std::string_view key, std::string_view value) {
  reader r(value);
  if (r.tag() != idempotency_tag) return corrupt("idempotency record");
  idempotency_record rec;
  rec.key = std::string(key);
  rec.first_seq = r.fixed64();
  rec.request_hash = r.bytes();
  rec.result = r.bytes();
  if (!finished(r)) return corrupt("idempotency record");
  return rec;
}

std::string encode_snapshot(const snapshot& snap) {
  std::string out;
  out.reserve(1 + 8 + snap.data.size() + 5);
  out.push_back(snapshot_tag);
  put_fixed64(out, snap.seq);
  put_bytes(out, snap.data);
  return out;
}

expected<snapshot> decode_snapshot(std::string_view name, std::string_view value) {
  reader r(value);
  if (r.tag() != snapshot_tag) return corrupt("snapshot");
  snapshot snap;
  snap.name = std::string(name);
  snap.seq = r.fixed64();
  snap.data = r.bytes();
  if (!finished(r)) return corrupt("snapshot");
  return snap;
}

}  // namespace gridcoord::storage::detail
