#pragma once
// domain/csv.hpp — reading a report file as liaisons save it (RFC 4180).
//
// The file is UTF-8, with or without a byte-order mark (domain/csv_encoding.hpp
// makes it so from the bytes a client sends). Records end in CRLF,
// LF or a lone CR (old Excel for Mac), mixed in one file if need be; the last
// record may lack one. Fields are separated by commas and may be quoted; a
// quoted field may hold commas, doubled quotes ("" for ") and line breaks.
// Field bytes are kept exactly as written (Chinese text, and a quoted field's
// line breaks, come out byte for byte); nothing is trimmed or re-encoded.
// The first record is the header. Blank lines after the last record are
// ignored; a blank line between records is an error.
//
// Lines are the physical lines of the file, from 1: a record whose quoted
// field holds a line break spans several lines, and the records after it
// count them. A data row is a record after the header, numbered from 1 (the
// header is not a data row): issue::row is always the data row, and
// issue::line the line its record starts on.
// [Threading] Pure; safe from any thread.
// [Errors] errc::invalid_request, the message naming the line: a file that is
//          not UTF-8 (also the byte of the line and the offset in the file),
//          an empty file or one without a header, a quoted field that is never
//          closed, text after a closing quote, a blank line between records,
//          records without the header's number of fields (every such line, in
//          details). errc::too_large beyond the limits below.
// [Limits] max_csv_bytes bytes, max_csv_rows data rows, max_csv_columns fields
//          per record.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/report.hpp"

namespace gridcoord::domain {

inline constexpr std::size_t max_csv_rows = max_report_rows;
// 256 bytes per row on average at the row limit; the gateway's body limit
// (server.max_body_bytes) is usually the tighter one.
inline constexpr std::size_t max_csv_bytes = max_report_rows * 256;
inline constexpr std::size_t max_csv_columns = 1000;

struct csv_record {
  std::size_t line = 0;  // the physical line the record starts on
  std::vector<std::string> fields;
};

struct csv_file {
  csv_record header;
  std::vector<csv_record> rows;  // rows[i] is data row i + 1
};

// Reads `text` into its header and data rows, or the first syntax problem
// (every bad field count at once).
[[nodiscard]] expected<csv_file> read_csv(std::string_view text);

}  // namespace gridcoord::domain
