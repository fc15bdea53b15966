#pragma once
// domain/message_catalogue.hpp — the Simplified Chinese of the English texts
// the server answers clients with: every error message and validation reason,
// written as the code writes them (domain/message_pattern.hpp says how holes
// are written: "{}" kept as it is, "{m}" translated in turn).
//
// One table, in the order entries are tried: where one pattern would also
// match another's texts, the more specific comes first (tests check that no
// entry hides a later one, that every pattern and template is well formed and
// that every template uses every hole). It is kept in parts by subject
// (message_catalogue_*.cpp) and joined here.
// What it must cover is read from the sources: tests/domain/message_sources.py
// lists every literal message and reason, and the catalogue test
// (ctest -R message_catalogue) fails on one without an entry.
// Words and phrases that fill "{m}" holes ("approved", "7 d before the start",
// "a and b") have a table of their own, tried for such holes only (after the
// main table), so that a general phrase never stands for a whole message.
// [Threading] Constant data; safe from any thread.
#include <span>
#include <string_view>

namespace gridcoord::domain {

struct catalogue_entry {
  std::string_view en;     // the pattern
  std::string_view zh_cn;  // the template
};

// Every entry, in the order they are tried.
std::span<const catalogue_entry> message_catalogue();

// Words and phrases for "{m}" holes, in the order they are tried.
std::span<const catalogue_entry> word_catalogue();

// How to save a CSV file as UTF-8 in the Chinese Excel, as the 415 for a CSV
// body in another charset and the CSV reader's not-UTF-8 error both say it:
// one place, so that a new wording is one edit.
#define GRIDCOORD_ZH_EXCEL_SAVE_AS_CSV_UTF8 \
  "在 Excel 中依次点 文件 → 另存为，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”"

namespace catalogue_parts {
// The parts, each in its own file; message_catalogue() joins them in this order.
std::span<const catalogue_entry> requests();  // HTTP, tokens and roles, routes' parameters and bodies
std::span<const catalogue_entry> reasons();   // validation reasons shared by many fields
std::span<const catalogue_entry> reports();   // reports, CSV files, the registry and customers
std::span<const catalogue_entry> capacity();  // the capacity register, applications, publications
std::span<const catalogue_entry> service();   // outages, complaints, callbacks, analyses (SLA)
std::span<const catalogue_entry> internal();  // stored data, the event store, the server's own failures
std::span<const catalogue_entry> fallbacks(); // general shapes, tried after every other entry
std::span<const catalogue_entry> words();     // the word table (word_catalogue)
}  // namespace catalogue_parts

}  // namespace gridcoord::domain
