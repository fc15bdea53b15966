#pragma once
// cmd/gridctl/text_width.hpp — how many terminal columns UTF-8 text takes.
//
// East Asian wide and fullwidth characters (CJK ideographs, kana, hangul,
// fullwidth forms, most emoji) take two columns; combining marks and
// zero-width characters none; everything else one. This is wcwidth's rule,
// cut down to the ranges that occur in gridcoord's data, so that a column of
// Chinese customer names lines up with its header.
// [Threading] Pure; safe from any thread.
// [Errors]    Bytes that are not valid UTF-8 count one column each.
#include <cstddef>
#include <string>
#include <string_view>

namespace gridcoord::gridctl {

std::size_t display_width(std::string_view utf8);

// `text` cut to at most `columns` columns, ending in "…" when cut; whole
// characters only.
// REQUIRES: columns >= 1
std::string truncate_to_width(std::string_view text, std::size_t columns);

// `text` followed by spaces up to `columns` columns.
std::string pad_right(std::string_view text, std::size_t columns);
std::string pad_left(std::string_view text, std::size_t columns);

}  // namespace gridcoord::gridctl
