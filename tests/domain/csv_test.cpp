#include <catch2/catch.hpp>

#include "domain/csv.hpp"

using namespace gridcoord::domain;

namespace {

using fields = std::vector<std::string>;

csv_file read(std::string_view text) {
  auto f = read_csv(text);
  if (!f) FAIL(f.error().message);
  return *f;
}

error failure(std::string_view text) {
  auto f = read_csv(text);
  REQUIRE_FALSE(f);
  return f.error();
}

bool mentions(const error& e, std::string_view words) { return e.message.find(words) != std::string::npos; }

}  // namespace

TEST_CASE("a CSV file reads into its header and data rows", "[domain][csv]") {
  auto f = read("customer,feeder\nHengda Steel,F-101\nBlue Sea,F-102\n");
  CHECK(f.header.fields == fields{"customer", "feeder"});
  CHECK(f.header.line == 1);
  REQUIRE(f.rows.size() == 2);
  CHECK(f.rows[0].fields == fields{"Hengda Steel", "F-101"});
  CHECK(f.rows[1].line == 3);
}

TEST_CASE("a UTF-8 byte-order mark is not part of the first header name", "[domain][csv]") {
  auto with_bom = read("\xEF\xBB\xBF" "customer,feeder\r\nA,F-1\r\n");
  CHECK(with_bom.header.fields == fields{"customer", "feeder"});
  CHECK(with_bom.rows[0].fields == read("customer,feeder\r\nA,F-1\r\n").rows[0].fields);
}

TEST_CASE("CRLF, LF, a lone CR and a last line without an end all end records", "[domain][csv]") {
  for (std::string_view text : {"a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4", "a,b\r\n1,2\n3,4",
                                "a,b\n1,2\r\n3,4\n\n\r\n"}) {
    auto f = read(text);
    CHECK(f.header.fields == fields{"a", "b"});
    REQUIRE(f.rows.size() == 2);
    CHECK(f.rows[0].fields == fields{"1", "2"});
    CHECK(f.rows[1].fields == fields{"3", "4"});
    CHECK(f.rows[1].line == 3);
  }
}

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks as written", "[domain][csv]") {
  auto f = read("name,note\r\n\"Hengda, Steel\",\"says \"\"hi\"\"\"\r\n\"two\r\nlines\",\"and\nthree\nhere\"\r\nlast,\"\"\r\n");
  REQUIRE(f.rows.size() == 3);
  CHECK(f.rows[0].fields == fields{"Hengda, Steel", "says \"hi\""});
  CHECK(f.rows[1].fields == fields{"two\r\nlines", "and\nthree\nhere"});
  CHECK(f.rows[1].line == 3);  // the record spans lines 3 to 6
  CHECK(f.rows[2].line == 7);
  CHECK(f.rows[2].fields == fields{"last", ""});
}

TEST_CASE("Chinese text comes out byte for byte", "[domain][csv]") {
  const std::string name = "蓝海冷链（华东）有限公司";
  auto f = read("customer,area\n" + name + ",\"浦东, 临港\"\n");
  CHECK(f.rows[0].fields[0] == name);
  CHECK(f.rows[0].fields[1] == "浦东, 临港");
}

TEST_CASE("empty cells are empty fields, also the last one", "[domain][csv]") {
  auto f = read("a,b,c\n,,\n1,,\n,2,");
  REQUIRE(f.rows.size() == 3);
  CHECK(f.rows[0].fields == fields{"", "", ""});
  CHECK(f.rows[1].fields == fields{"1", "", ""});
  CHECK(f.rows[2].fields == fields{"", "2", ""});
}

TEST_CASE("a file that is not UTF-8 names the line, the byte and the offset", "[domain][csv]") {
  // "蓝海" in GBK, as Excel saves "CSV (Comma delimited)" on a Chinese Windows.
  auto e = failure("customer,feeder\nA,F-1\n\xC0\xB6\xBA\xA3,F-2\n");
  CHECK(e.code == errc::invalid_request);
  CHECK(mentions(e, "line 3 is not UTF-8"));
  CHECK(mentions(e, "byte 0xC0 at byte 1 of the line (offset 22 in the file)"));
  CHECK(mentions(e, "save it as UTF-8"));
}

TEST_CASE("a bad byte inside a quoted field is found on its physical line", "[domain][csv]") {
  auto e = failure("\xEF\xBB\xBF" "customer,feeder\n\"A\nB\xFF\",F-1\n");
  CHECK(mentions(e, "line 3 is not UTF-8: byte 0xFF at byte 2 of the line (offset 23 in the file)"));
}

TEST_CASE("overlong forms and surrogates are not UTF-8", "[domain][csv]") {
  CHECK(mentions(failure("a\n\xC0\xAF\n"), "line 2 is not UTF-8"));          // overlong '/'
  CHECK(mentions(failure("a\n\xED\xA0\x80\n"), "line 2 is not UTF-8"));      // U+D800
  CHECK(mentions(failure("a\n\xE8\x93\n"), "line 2 is not UTF-8"));          // cut short
}

TEST_CASE("a UTF-16 file is told to be saved as UTF-8", "[domain][csv]") {
  auto e = failure(std::string_view("\xFF\xFE" "a\0,\0", 6));
  CHECK(mentions(e, "UTF-16"));
  CHECK(mentions(e, "save it as UTF-8"));
}

TEST_CASE("an unterminated quote names the line it opens on", "[domain][csv]") {
  auto e = failure("a,b\n1,2\n3,\"never\nclosed\n");
  CHECK(e.code == errc::invalid_request);
  CHECK(mentions(e, "line 3: the quoted field 2 that starts on this line is never closed"));
}

TEST_CASE("text after a closing quote names the line", "[domain][csv]") {
  CHECK(mentions(failure("a,b\n\"x\"y,2\n"), "line 2: field 1 has text after its closing quote"));
  CHECK(read("a,b\n\"x\"  ,2\n").rows[0].fields == fields{"x", "2"});  // spaces after it are fine
}

TEST_CASE("every row with the wrong number of fields is listed with its line", "[domain][csv]") {
  auto e = failure("a,b,c\n1,2,3\n1,2\n\"x\ny\",2,3,4\n1,2,3\n");
  CHECK(e.code == errc::invalid_request);
  CHECK(mentions(e, "2 line(s) do not have the header's 3 fields, the first is line 3"));
  REQUIRE(e.details.size() == 2);
  CHECK(e.details[0] == issue{rule::wrong_count, 2, "", "", "line 3 has 2 field(s); the header (line 1) has 3", 3});
  CHECK(e.details[1] == issue{rule::wrong_count, 3, "", "", "line 4 has 4 field(s); the header (line 1) has 3", 4});
}

TEST_CASE("an empty file, or one without a header line, is refused", "[domain][csv]") {
  for (std::string_view text : {"", "\xEF\xBB\xBF", "\r\n\r\n", "\n"})
    CHECK(mentions(failure(text), "the file is empty: its first line must be the header"));
  CHECK(mentions(failure("\na,b\n1,2\n"), "line 1 is blank"));
}

TEST_CASE("a blank line between rows names the line", "[domain][csv]") {
  CHECK(mentions(failure("a,b\n1,2\n\n3,4\n"), "line 3 is blank"));
}

TEST_CASE("a header without rows is a file of no rows", "[domain][csv]") {
  CHECK(read("a,b").rows.empty());
  CHECK(read("a,b\r\n").rows.empty());
}

TEST_CASE("a record with more than max_csv_columns fields is too large", "[domain][csv][limits]") {
  std::string header(max_csv_columns, ',');  // max_csv_columns + 1 empty fields
  CHECK(failure(header).code == errc::too_large);
  CHECK(read(std::string(max_csv_columns - 1, ',')).header.fields.size() == max_csv_columns);
}
