#pragma once
// domain/csv_encoding.hpp — the bytes of an uploaded CSV file as UTF-8 text.
//
// A liaison's file comes as Excel saves it: "CSV UTF-8" (UTF-8 with a
// byte-order mark) or, on a Chinese Windows, plain "CSV", which is GBK. GBK
// (and GB2312 before it) is a subset of GB18030, so all three are read as
// GB18030. A charset the request names is obeyed; without one, bytes that
// are valid UTF-8 (with or without a BOM) are UTF-8, and any others are tried
// as GB18030. The answer says which was read (to_string: "UTF-8", "GB18030").
// This is the one place that decides an encoding: the server's text/csv
// bodies go through it, and gridctl sends files as they are and lets the
// server decide.
// [Threading] Pure; safe from any thread (each call opens its own iconv
//             descriptor).
// [Errors] decode_csv_bytes: errc::invalid_request naming the first line, the
//          byte of the line and the offset in the file that the encoding (or,
//          when detecting, neither encoding) can read; a UTF-16 file (its BOM)
//          is named as such; the message ends with save_as_utf8_hint.
//          errc::internal when the C library cannot convert from GB18030 at all
//          (glibc's gconv module, part of libc6, is missing).
// [Limits] None of its own: the caller bounds the input (max_csv_bytes); the
//          UTF-8 text is at most 1.5 times the GB18030 bytes.
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace gridcoord::domain {

enum class text_encoding { utf8, gb18030 };

// "UTF-8", "GB18030": what an answer names.
std::string_view to_string(text_encoding e) noexcept;

// The encoding a Content-Type charset names, in any letter case: "utf-8" and
// "utf8"; "gb18030", and its subsets "gbk" and "gb2312", all read as GB18030.
// nullopt for any other label.
std::optional<text_encoding> parse_charset(std::string_view label) noexcept;

// The labels parse_charset takes, for a message: "utf-8, gb18030, gbk or gb2312".
std::string_view accepted_charsets() noexcept;

// What to do with a file that cannot be read, in English: the last words of
// every encoding error about a CSV file (one place, so that it can be
// translated).
inline constexpr std::string_view save_as_utf8_hint =
    "save it as UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\"; in a Chinese Excel: 另存为, "
    "\"CSV UTF-8（逗号分隔）\")";

struct decoded_text {
  std::string text;  // UTF-8, a byte-order mark kept when the file had one
  text_encoding encoding = text_encoding::utf8;
};

// `bytes` read as `declared`, or, when nullopt, as the encoding they are in
// (see above). UTF-8 bytes come out unchanged.
[[nodiscard]] expected<decoded_text> decode_csv_bytes(std::string_view bytes,
                                                      std::optional<text_encoding> declared);

// ok when `text` is UTF-8 (RFC 3629); otherwise the invalid_request error of
// decode_csv_bytes for UTF-8. `skipped`: bytes before `text` in the file (a
// byte-order mark), counted in the offset the message gives.
[[nodiscard]] status check_utf8(std::string_view text, std::size_t skipped = 0);

}  // namespace gridcoord::domain
