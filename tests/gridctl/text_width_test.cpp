#include <catch2/catch.hpp>

#include "cmd/gridctl/text_width.hpp"

using namespace gridcoord::gridctl;

TEST_CASE("Chinese characters take two columns, combining marks none", "[gridctl][width]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("LH-F07") == 6);
  CHECK(display_width("蓝海钢铁") == 8);
  CHECK(display_width("蓝海 Steel") == 10);
  CHECK(display_width("ＡＢ") == 4);       // fullwidth forms
  CHECK(display_width("e\u0301") == 1);   // e + combining acute
  CHECK(display_width("café") == 4);      // two bytes, one column
  CHECK(display_width("\xff\xfe") == 2);  // not UTF-8: a column per byte
}

TEST_CASE("truncation keeps whole characters and marks the cut", "[gridctl][width]") {
  CHECK(truncate_to_width("short", 10) == "short");
  CHECK(truncate_to_width("abcdefghij", 5) == "abcd…");
  CHECK(truncate_to_width("蓝海钢铁集团", 7) == "蓝海钢…");  // 6 columns + the ellipsis
  CHECK(truncate_to_width("蓝海钢铁集团", 6) == "蓝海…");    // a wide character never straddles the cut
  CHECK(display_width(truncate_to_width("蓝海钢铁集团有限公司", 9)) <= 9);
}

TEST_CASE("padding counts columns, not bytes", "[gridctl][width]") {
  CHECK(pad_right("蓝海", 6) == "蓝海  ");
  CHECK(pad_left("42", 5) == "   42");
  CHECK(pad_right("toolong", 3) == "toolong");
}
