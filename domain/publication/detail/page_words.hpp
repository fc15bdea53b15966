#pragma once
// domain/publication/detail/page_words.hpp — the restricted list's page in
// words, per language: the fixed texts, and the data (months, equipment
// kinds, reasons, available capacity, sources) as the public reads them.
// [Threading] Pure; safe from any thread.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/language.hpp"
#include "domain/publication/publication.hpp"

namespace gridcoord::domain::capacity::detail {

// The fixed texts of a page in one language. Texts with a month are split
// around it (before, month, after).
struct page_words {
  std::string_view title;
  std::string_view for_month;  // "适用月份" / "For"
  std::string_view intro_before, intro_after;
  std::string_view issuer, contact, issued, as_of, no_as_of, number, number_before, number_after;
  std::string_view list_heading;
  std::string_view empty_before, empty_after;
  // The table's column labels: area, connection point, kind, available, reason, relief.
  std::string_view col_region, col_point, col_kind, col_available, col_reason, col_relief;
  std::string_view todo_heading, todo_text, todo_contact, todo_no_contact;
  std::string_view terms_heading;
  std::vector<std::pair<std::string_view, std::string_view>> terms;  // term, explanation
  std::string_view sources_before, no_sources, separator;
};

const page_words& words_for(language l);

// "2026年12月" / "December 2026".
std::string month_words(month m, language l);
// "主变" / "main transformer" (capitalised when `first`: "Main transformer").
std::string kind_words(equipment_kind k, language l, bool first = false);
// Why the entry is restricted, in plain words: "主变 MT-1 当前已过载" /
// "Main transformer MT-1 is overloaded now"; the recorded reason as it is
// when the entry has no cause (a publication issued before causes were kept).
std::string reason_words(const constrained_point& e, language l);
// The available capacity: "35", or when negative "无（已超出 120.5）" / "None (120.5 over)".
std::string available_words(double kva, language l);
// The expected relief month, or "暂无计划" / "Not yet planned".
std::string relief_words(const std::optional<month>& m, language l);
// "负荷统计 2026年10月（第 2 版）" / "load statistics, October 2026 (version 2)".
std::string source_words(const report_ref& r, language l);

}  // namespace gridcoord::domain::capacity::detail
