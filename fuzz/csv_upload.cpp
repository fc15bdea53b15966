// fuzz/csv_upload.cpp — a text/csv upload, as the server reads one.
//
// Input: the bytes of a CSV file as a liaison's Excel saves it (UTF-8 with or
// without a BOM, or GBK/GB18030). They are decoded as the router decodes a
// text/csv body — detected, and as declared UTF-8 and GB18030
// (decode_csv_bytes) — then read as RFC 4180 (read_csv), as each report
// kind's rows (parse_csv_rows), as an equipment import (read_import_csv) and
// as a customer import (parse_customers_csv); every cell also goes through
// the cell readers (numbers, percentages, months, full-width forms).
// Checks: decoded text is UTF-8; a record never has more fields than the
// limit; a detected file reads as its declared encoding does.
#include <optional>
#include <string>
#include <string_view>

#include "domain/csv.hpp"
#include "domain/csv_cells.hpp"
#include "domain/csv_encoding.hpp"
#include "domain/equipment.hpp"
#include "domain/report_csv.hpp"
#include "domain/sla/customers.hpp"
#include "fuzz/fuzz_target.hpp"

namespace {

namespace domain = gridcoord::domain;
using gridcoord::fuzz::check;

void read_cells(const domain::csv_record& record) {
  check(record.fields.size() <= domain::max_csv_columns, "a record has more fields than max_csv_columns");
  for (const auto& cell : record.fields) {
    (void)domain::to_half_width(cell);
    (void)domain::trim_cell(cell);
    (void)domain::parse_csv_number(cell);
    (void)domain::parse_csv_percent(cell, true);
    (void)domain::parse_csv_percent(cell, false);
    (void)domain::parse_csv_month(cell);
    (void)domain::csv_month_is_dated(cell);
  }
}

void read_text(std::string_view text) {
  check(domain::check_utf8(text).has_value(), "decode_csv_bytes answered text that is not UTF-8");
  if (auto file = domain::read_csv(text)) {
    read_cells(file->header);
    for (const auto& row : file->rows) read_cells(row);
  }
  auto period = domain::parse_month("2026-10");
  check(period.has_value(), "2026-10 is not a month");
  for (const auto& kind : domain::report_catalogue()) (void)domain::parse_csv_rows(kind, *period, text);
  (void)domain::read_import_csv(text);
  (void)domain::sla::parse_customers_csv(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = gridcoord::fuzz::as_text(data, size);
  auto detected = domain::decode_csv_bytes(bytes, std::nullopt);
  if (detected) {
    read_text(detected->text);
    auto declared = domain::decode_csv_bytes(bytes, detected->encoding);
    check(declared && declared->text == detected->text, "a detected file does not read as its declared encoding");
  }
  for (auto e : {domain::text_encoding::utf8, domain::text_encoding::gb18030})
    if (auto declared = domain::decode_csv_bytes(bytes, e)) {
      check(domain::check_utf8(declared->text).has_value(), "decode_csv_bytes answered text that is not UTF-8");
      if (!detected) read_text(declared->text);
    }
  return 0;
}
