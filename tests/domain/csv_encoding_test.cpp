// Reading an uploaded CSV file's bytes: UTF-8 or GB18030, given or detected.
#include <catch2/catch.hpp>

#include <iconv.h>

#include "domain/csv_encoding.hpp"

using namespace gridcoord::domain;

namespace {

// `utf8` as GB18030 bytes, converted here by the C library as Excel's plain
// "CSV" would write them on a Chinese Windows.
std::string gb18030_of(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 8, '\0');
  std::string in = utf8;
  char* src = in.data();
  char* dst = out.data();
  std::size_t src_left = in.size(), dst_left = out.size();
  REQUIRE(iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

decoded_text decoded(std::string_view bytes, std::optional<text_encoding> declared = std::nullopt) {
  auto d = decode_csv_bytes(bytes, declared);
  if (!d) FAIL(d.error().message);
  return *d;
}

std::string refusal(std::string_view bytes, std::optional<text_encoding> declared = std::nullopt) {
  auto d = decode_csv_bytes(bytes, declared);
  REQUIRE_FALSE(d);
  CHECK(d.error().code == errc::invalid_request);
  return d.error().message;
}

}  // namespace

TEST_CASE("the GB18030 of 客户 is the bytes Excel writes for it", "[domain][csv_encoding]") {
  CHECK(gb18030_of("客户") == "\xBF\xCD\xBB\xA7");
  CHECK(decoded("\xBF\xCD\xBB\xA7").text == "客户");
}

TEST_CASE("UTF-8 bytes, with or without a BOM, are UTF-8 and come out unchanged", "[domain][csv_encoding]") {
  for (std::string bytes : {"customer,feeder\r\n蓝海冷链,F-1\r\n", "\xEF\xBB\xBF客户,馈线\r\nA,F-1\r\n", "a\n"}) {
    auto d = decoded(bytes);
    CHECK(d.encoding == text_encoding::utf8);
    CHECK(d.text == bytes);
    CHECK(decoded(bytes, text_encoding::utf8).text == bytes);
  }
}

TEST_CASE("bytes that are not UTF-8 are detected as GB18030 and read as UTF-8 text", "[domain][csv_encoding]") {
  const std::string utf8 = "客户,馈线,需求负荷（kW）,预计月份\r\n恒达钢铁（集团）,F-101,\"1,250.5\",2027年3月\r\n";
  auto d = decoded(gb18030_of(utf8));
  CHECK(d.encoding == text_encoding::gb18030);
  CHECK(d.text == utf8);
  CHECK(to_string(d.encoding) == "GB18030");
}

TEST_CASE("a GB18030 file is read as declared, four-byte characters beyond GBK too", "[domain][csv_encoding]") {
  const std::string utf8 = "客户\n𠀀 € ８０％\n";  // U+20000 is four bytes in GB18030: 95 32 82 36
  auto bytes = gb18030_of(utf8);
  CHECK(bytes.find("\x95\x32\x82\x36") != std::string::npos);
  auto d = decoded(bytes, text_encoding::gb18030);
  CHECK(d.encoding == text_encoding::gb18030);
  CHECK(d.text == utf8);
}

TEST_CASE("charset labels: utf-8, and gb18030 with its subsets gbk and gb2312, in any case",
          "[domain][csv_encoding]") {
  CHECK(parse_charset("utf-8") == text_encoding::utf8);
  CHECK(parse_charset("UTF8") == text_encoding::utf8);
  CHECK(parse_charset("GB18030") == text_encoding::gb18030);
  CHECK(parse_charset("gbk") == text_encoding::gb18030);
  CHECK(parse_charset("GB2312") == text_encoding::gb18030);
  for (std::string_view other : {"", "latin1", "big5", "utf-16", "gb", "utf-8 "}) CHECK_FALSE(parse_charset(other));
  CHECK(accepted_charsets() == "utf-8, gb18030, gbk or gb2312");
}

TEST_CASE("a file declared UTF-8 that is not names the line, the byte and the offset", "[domain][csv_encoding]") {
  auto bytes = "customer,feeder\n" + gb18030_of("蓝海") + ",F-1\n";
  auto message = refusal(bytes, text_encoding::utf8);
  CHECK(message.starts_with("line 2 is not UTF-8: byte 0xC0 at byte 1 of the line (offset 16 in the file)"));
  CHECK(message.ends_with(save_as_utf8_hint));
}

TEST_CASE("a file declared GB18030 with bytes it cannot hold names their line", "[domain][csv_encoding]") {
  auto message = refusal("a,b\r\nc,d\r\ne,\xFF\r\n", text_encoding::gb18030);
  CHECK(message.starts_with("line 3 is not GB18030: byte 0xFF at byte 3 of the line (offset 12 in the file)"));
  CHECK(refusal("a\n\xBF", text_encoding::gb18030).starts_with("line 2 is not GB18030: byte 0xBF"));  // cut short
}

TEST_CASE("bytes that are neither UTF-8 nor GB18030 name where the further reading stopped",
          "[domain][csv_encoding]") {
  // Valid GB18030 up to the lone 0x80 on line 3; UTF-8 stops already on line 2.
  auto bytes = "a\n" + gb18030_of("客户") + "\nb\x80\n";
  auto message = refusal(bytes);
  CHECK(message.starts_with("line 3 is neither UTF-8 nor GB18030: byte 0x80 at byte 2 of the line (offset 8 "
                            "in the file) is not valid text in either"));
  CHECK(message.find("CSV UTF-8 (Comma delimited)") != std::string::npos);
  CHECK(message.find("另存为") != std::string::npos);
}

TEST_CASE("a UTF-16 file is named as such, whatever the charset says", "[domain][csv_encoding]") {
  const std::string utf16 = std::string("\xFF\xFE" "a\0,\0b\0", 8);
  for (auto declared : {std::optional<text_encoding>{}, std::optional{text_encoding::utf8},
                        std::optional{text_encoding::gb18030}})
    CHECK(refusal(utf16, declared).starts_with("line 1 is not UTF-8: the file is UTF-16 (\"Unicode text\")"));
}

TEST_CASE("check_utf8 counts the bytes skipped before the text in the offset", "[domain][csv_encoding]") {
  CHECK(check_utf8("a,b\n"));
  auto st = check_utf8("ab\n\xFF", 3);
  REQUIRE_FALSE(st);
  CHECK(st.error().message.starts_with("line 2 is not UTF-8: byte 0xFF at byte 1 of the line (offset 6 in the file)"));
}
