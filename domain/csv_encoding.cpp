#include "domain/csv_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

unsigned char byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

// The length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when there is none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  unsigned char c = byte_at(s, i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) n = 3, lo = 0xA0;
  else if (c == 0xED) n = 3, hi = 0x9F;
  else if (c >= 0xE1 && c <= 0xEF) n = 3;
  else if (c == 0xF0) n = 4, lo = 0x90;
  else if (c == 0xF4) n = 4, hi = 0x8F;
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else return 0;
  if (i + n > s.size() || byte_at(s, i + 1) < lo || byte_at(s, i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte_at(s, i + k) < 0x80 || byte_at(s, i + k) > 0xBF) return 0;
  return n;
}

// The offset of the first byte of `s` that does not start a UTF-8 sequence.
std::optional<std::size_t> first_non_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

// Where byte `offset` of `s` is: its line (from 1) and its byte of that line
// (from 1). Lines end in CRLF, LF or CR; in GB18030 as in UTF-8 these bytes
// are never part of a longer character.
struct place {
  std::size_t line = 1;
  std::size_t byte = 1;
};

place place_of(std::string_view s, std::size_t offset) {
  place p;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    bool lf = s[i] == '\n';
    bool lone_cr = s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n');
    if (lf || lone_cr) {
      ++p.line;
      line_start = i + 1;
    }
  }
  p.byte = offset - line_start + 1;
  return p;
}

// "line 3 is not UTF-8: byte 0xC0 at byte 2 of the line (offset 117 in the file) is not valid UTF-8 text; …"
unexpected<error> unreadable(std::string_view s, std::size_t offset, std::size_t skipped, std::string_view is_not,
                             std::string_view valid_in) {
  auto p = place_of(s, offset);
  return fail(errc::invalid_request,
              fmt::format("line {} {}: byte 0x{:02X} at byte {} of the line (offset {} in the file) {}; {}", p.line,
                          is_not, byte_at(s, offset), p.byte, offset + skipped, valid_in, save_as_utf8_hint));
}

// GB18030 bytes as UTF-8, or the offset of the first sequence that is not
// GB18030 (a sequence cut short by the end of the input too).
struct conversion {
  std::string text;
  std::optional<std::size_t> bad_offset;
};

class gb18030_decoder {
 public:
  gb18030_decoder() : cd_(iconv_open("UTF-8", "GB18030")) {}
  ~gb18030_decoder() {
    if (ok()) iconv_close(cd_);
  }
  gb18030_decoder(const gb18030_decoder&) = delete;
  gb18030_decoder& operator=(const gb18030_decoder&) = delete;

  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  // REQUIRES: ok().
  conversion convert(std::string_view in) {
    conversion out;
    out.text.resize(in.size() + in.size() / 2 + 16);  // 2 bytes become at most 3, 4 at most 4
    char* src = const_cast<char*>(in.data());        // iconv's signature; it does not write there
    std::size_t src_left = in.size();
    std::size_t written = 0;
    while (src_left > 0) {
      char* dst = out.text.data() + written;
      std::size_t dst_left = out.text.size() - written;
      std::size_t r = iconv(cd_, &src, &src_left, &dst, &dst_left);
      written = out.text.size() - dst_left;
      if (r != static_cast<std::size_t>(-1)) break;
      if (errno == E2BIG) {
        out.text.resize(out.text.size() * 2);
        continue;
      }
      out.bad_offset = static_cast<std::size_t>(src - in.data());  // EILSEQ, or EINVAL at the end
      break;
    }
    out.text.resize(written);
    return out;
  }

 private:
  iconv_t cd_;
};

unexpected<error> no_gb18030() {
  return fail(errc::internal,
              fmt::format("this server cannot read GB18030: the C library has no converter for it ({})",
                          std::strerror(errno)));
}

expected<decoded_text> as_utf8(std::string_view bytes) {
  if (auto st = check_utf8(bytes); !st) return unexpected{st.error()};
  return decoded_text{std::string(bytes), text_encoding::utf8};
}

expected<decoded_text> as_gb18030(std::string_view bytes) {
  gb18030_decoder decoder;
  if (!decoder.ok()) return no_gb18030();
  auto c = decoder.convert(bytes);
  if (c.bad_offset)
    return unreadable(bytes, *c.bad_offset, 0, "is not GB18030", "is not valid GB18030 (GBK) text");
  return decoded_text{std::move(c.text), text_encoding::gb18030};
}

// UTF-8 when it is, else GB18030 when it is; else the place where the
// reading that got further stopped.
expected<decoded_text> detect(std::string_view bytes) {
  auto utf8_stop = first_non_utf8(bytes);
  if (!utf8_stop) return decoded_text{std::string(bytes), text_encoding::utf8};
  gb18030_decoder decoder;
  if (!decoder.ok()) return no_gb18030();
  auto c = decoder.convert(bytes);
  if (!c.bad_offset) return decoded_text{std::move(c.text), text_encoding::gb18030};
  return unreadable(bytes, std::max(*utf8_stop, *c.bad_offset), 0, "is neither UTF-8 nor GB18030",
                    "is not valid text in either");
}

bool is_utf16(std::string_view bytes) { return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"); }

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::string_view to_string(text_encoding e) noexcept { return e == text_encoding::gb18030 ? "GB18030" : "UTF-8"; }

std::optional<text_encoding> parse_charset(std::string_view label) noexcept {
  for (std::string_view l : {"utf-8", "utf8"})
    if (iequals(label, l)) return text_encoding::utf8;
  for (std::string_view l : {"gb18030", "gbk", "gb2312"})
    if (iequals(label, l)) return text_encoding::gb18030;
  return std::nullopt;
}

std::string_view accepted_charsets() noexcept { return "utf-8, gb18030, gbk or gb2312"; }

status check_utf8(std::string_view text, std::size_t skipped) {
  if (skipped == 0 && is_utf16(text))
    return fail(errc::invalid_request,
                fmt::format("line 1 is not UTF-8: the file is UTF-16 (\"Unicode text\"); {}", save_as_utf8_hint));
  auto stop = first_non_utf8(text);
  if (!stop) return {};
  return unreadable(text, *stop, skipped, "is not UTF-8", "is not valid UTF-8 text");
}

expected<decoded_text> decode_csv_bytes(std::string_view bytes, std::optional<text_encoding> declared) {
  if (is_utf16(bytes)) return unexpected{check_utf8(bytes).error()};
  if (!declared) return detect(bytes);
  return *declared == text_encoding::utf8 ? as_utf8(bytes) : as_gb18030(bytes);
}

}  // namespace gridcoord::domain
