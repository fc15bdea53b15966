#pragma once
// gateways/accept_language.hpp — the language a client asks its answers in,
// from its Accept-Language header (RFC 9110 §12.5.4).
//
// The header is a list of language ranges, each with an optional weight
// ";q=0.8" (1 when absent). Of the ranges gridcoord has a language for, the one
// with the highest weight wins, the earlier on a tie; a weight of 0 means "not
// this one". Simplified Chinese is "zh", "zh-CN", "zh-SG" or "zh-Hans" (with
// any further subtags: "zh-Hans-CN"); English is "en" or "en-…", and "*"
// (any). Any other range (fr, zh-TW, zh-Hant) is passed over; with none left,
// or no header, the answer is English.
// [Threading] Pure functions; safe from any thread.
// [Errors]    None: a malformed entry (a bad weight, an empty range) is passed over.
#include <string_view>

#include "domain/language.hpp"

namespace gridcoord::gateways {

// The language for an Accept-Language value; English for "" and for nothing known.
domain::language negotiate_language(std::string_view accept_language) noexcept;

// The language an HTTP request head asks for, read from its raw bytes (for an
// answer to a request whose header could not be parsed: too large, cut off):
// the first Accept-Language line found, however the rest looks; English
// without one.
domain::language language_in_raw_head(std::string_view bytes) noexcept;

}  // namespace gridcoord::gateways
