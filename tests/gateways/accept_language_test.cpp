// The language a client asks its answers in (gateways/accept_language.hpp):
// RFC 9110's Accept-Language with weights, zh/zh-CN/zh-SG/zh-Hans as
// Simplified Chinese, en and en-* as English, English for anything else.
#include <catch2/catch.hpp>

#include "gateways/accept_language.hpp"

using gridcoord::domain::language;
using gridcoord::gateways::language_in_raw_head;
using gridcoord::gateways::negotiate_language;

TEST_CASE("zh, zh-CN, zh-SG and zh-Hans in any letter case ask for Simplified Chinese", "[gateways][accept_language]") {
  for (auto header : {"zh", "zh-CN", "zh-cn", "ZH-CN", "zh-SG", "zh-Hans", "zh-Hans-CN", "zh-hans-sg", " zh-CN "}) {
    INFO(header);
    CHECK(negotiate_language(header) == language::zh_cn);
  }
}

TEST_CASE("en, en-*, *, nothing and anything else ask for English", "[gateways][accept_language]") {
  for (auto header : {"", "en", "en-US", "EN-gb", "*", "fr", "zh-TW", "zh-Hant", "zh-HK", "de;q=0.9", "zhx",
                      "zh-Hansx", ",", ";q=1"}) {
    INFO(header);
    CHECK(negotiate_language(header) == language::en);
  }
}

TEST_CASE("the highest weight wins, the earlier on a tie, and a weight of 0 excludes", "[gateways][accept_language]") {
  CHECK(negotiate_language("zh-CN,zh;q=0.9,en;q=0.8") == language::zh_cn);  // a Chinese browser
  CHECK(negotiate_language("en-US,en;q=0.9,zh-CN;q=0.8") == language::en);
  CHECK(negotiate_language("en;q=0.5, zh-CN;q=0.7") == language::zh_cn);
  CHECK(negotiate_language("fr, zh;q=0.1") == language::zh_cn);  // French is not one of ours
  CHECK(negotiate_language("zh-CN;q=0, en;q=0.1") == language::en);
  CHECK(negotiate_language("zh-CN;q=0") == language::en);
  CHECK(negotiate_language("zh-CN;q=0.5, *;q=0.8") == language::en);
  CHECK(negotiate_language("zh, en") == language::zh_cn);
  CHECK(negotiate_language("en, zh") == language::en);
  CHECK(negotiate_language("zh-CN;q=1.000") == language::zh_cn);
}

TEST_CASE("an entry with a malformed weight is passed over", "[gateways][accept_language]") {
  CHECK(negotiate_language("zh-CN;q=high, en;q=0.2") == language::en);
  CHECK(negotiate_language("zh-CN;q=2") == language::en);
  CHECK(negotiate_language("zh-CN;level=1") == language::en);
  CHECK(negotiate_language("zh-CN; q=0.9") == language::zh_cn);
}

TEST_CASE("a raw request head gives its Accept-Language line, cut off or not", "[gateways][accept_language]") {
  CHECK(language_in_raw_head("GET / HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\nX-Pad: aaaa") == language::zh_cn);
  CHECK(language_in_raw_head("GET / HTTP/1.1\r\naccept-language:zh\r\n\r\n") == language::zh_cn);
  CHECK(language_in_raw_head("GET / HTTP/1.1\r\nAccept-Language: zh-C") == language::en);
  CHECK(language_in_raw_head("GET / HTTP/1.1\r\nHost: x\r\nX-Pad: aaaa") == language::en);
  CHECK(language_in_raw_head("") == language::en);
  CHECK(language_in_raw_head("GET /?Accept-Language: zh HTTP/1.1\r\n") == language::en);
}
