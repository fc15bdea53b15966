#include <catch2/catch.hpp>

#include "domain/language.hpp"

using namespace gridcoord::domain;

TEST_CASE("the two languages read from their BCP 47 tags in any letter case, and write back canonical",
          "[language]") {
  CHECK(parse_language("zh-CN") == language::zh_cn);
  CHECK(parse_language("zh-cn") == language::zh_cn);
  CHECK(parse_language("ZH-CN") == language::zh_cn);
  CHECK(parse_language("en") == language::en);
  CHECK(parse_language("EN") == language::en);
  CHECK(to_string(language::zh_cn) == "zh-CN");
  CHECK(to_string(language::en) == "en");
}

TEST_CASE("any other tag is no language", "[language]") {
  for (auto tag : {"", "fr", "zh", "zh-TW", "zh_CN", "en-GB", "english", " en"}) {
    INFO(tag);
    CHECK_FALSE(parse_language(tag));
  }
}
