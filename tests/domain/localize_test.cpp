// An error in the language the client reads (domain/localize.hpp): Chinese
// messages and reasons from the catalogue, the rule's or the code's words when
// the catalogue has none, and everything a client matches on unchanged.
#include <catch2/catch.hpp>

#include <string>

#include "domain/localize.hpp"

using namespace gridcoord::domain;

namespace {

error bad_report() {
  return {errc::validation_failed,
          "3 problem(s) in the large_customer_demand report; nothing was stored",
          {{rule::not_a_number, 1, "demand_kw", "1.2.3", "must be a number"},
           {rule::above_maximum, 3, "likelihood_pct", "101", "must be at most 100"},
           {rule::below_minimum, 4, "demand_kw", "-5", "must be at least 0.5"}}};
}

bool has_han(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE4 && c <= 0xE9) return true;  // U+4000..U+9FFF in UTF-8
  }
  return false;
}

}  // namespace

TEST_CASE("in zh-CN a bad number, a bound with its limit and the summary are Chinese; code, rule, row, field and "
          "value are unchanged",
          "[domain][localize]") {
  auto in = bad_report();
  auto out = localize(in, language::zh_cn);
  CHECK(out.code == errc::validation_failed);
  CHECK(out.message == "large_customer_demand 报表中有 3 处问题；未保存任何内容");
  REQUIRE(out.details.size() == 3);
  CHECK(out.details[0].reason == "须为数值");
  CHECK(out.details[1].reason == "不得大于 100");
  CHECK(out.details[2].reason == "不得小于 0.5");
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(out.details[i].rule == in.details[i].rule);
    CHECK(out.details[i].row == in.details[i].row);
    CHECK(out.details[i].field == in.details[i].field);
    CHECK(out.details[i].value == in.details[i].value);
  }
}

TEST_CASE("in en an error is returned exactly as it was written", "[domain][localize]") {
  CHECK(localize(bad_report(), language::en) == bad_report());
  CHECK(*translate("must be a number", language::en) == "must be a number");
}

TEST_CASE("a reason the catalogue does not have gets its rule's Chinese text", "[domain][localize]") {
  error e{errc::validation_failed, "the precheck is not valid",
          {{rule::out_of_range, std::nullopt, "demand_factor", "7", "needs a better crystal ball"}}};
  auto out = localize(e, language::zh_cn);
  CHECK(out.message == "容量预检有误");
  CHECK(out.details[0].reason == message_of(rule::out_of_range, language::zh_cn));
  CHECK(out.details[0].reason == "此数值超出允许的范围");
}

TEST_CASE("a message the catalogue does not have gets its code's title, and keeps the English after it",
          "[domain][localize]") {
  auto out = localize({errc::not_found, "the flux capacitor F-7 is gone", {}}, language::zh_cn);
  CHECK(out.message == "未找到（the flux capacitor F-7 is gone）");
  CHECK(localize({errc::internal, "", {}}, language::zh_cn).message == "服务器内部错误");
  localized_text protocol{"method not allowed", "不允许使用该方法"};
  CHECK(localize({errc::invalid_request, "PATCH?", {}}, language::zh_cn, protocol).message == "不允许使用该方法（PATCH?）");
}

TEST_CASE("holes marked {m} are translated in turn: a batch's failed operation, a state, a list of fields",
          "[domain][localize]") {
  CHECK(*translate("operation 2 of 3: the role reader may not do this; nothing was written", language::zh_cn) ==
        "第 2 个操作（共 3 个）：角色 reader 无权执行此操作；未写入任何内容");
  CHECK(*translate("application A-7 is refused: it cannot be approved", language::zh_cn) ==
        "接入申请 A-7 当前为已驳回状态，不能再改为已批准");
  CHECK(*translate("repeats row 2: no two rows have the same equipment_class and effective_from", language::zh_cn) ==
        "与第 2 行重复：任意两行的 equipment_class 和 effective_from 不能相同");
  // A word table entry is never a whole message: "approved" alone has no translation.
  CHECK_FALSE(translate("approved", language::zh_cn));
}

TEST_CASE("the CSV hints name the Chinese Excel's menus", "[domain][localize]") {
  const std::string hint = "save it as UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\"; in a Chinese Excel: "
                           "另存为, \"CSV UTF-8（逗号分隔）\")";
  auto not_utf8 = translate("line 2 is not UTF-8: byte 0xC0 at byte 1 of the line (offset 17 in the file) is not "
                            "valid UTF-8 text; " + hint,
                            language::zh_cn);
  REQUIRE(not_utf8);
  CHECK(*not_utf8 == "文件第 2 行不是 UTF-8 编码：该行第 1 个字节（文件中偏移 17）0xC0 不是有效的 UTF-8 文本；"
                     "请另存为 UTF-8：在 Excel 中依次点 文件 → 另存为，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”");
  auto neither = translate("line 4 is neither UTF-8 nor GB18030: byte 0x80 at byte 5 of the line (offset 40 in the file) "
                           "is not valid text in either; " + hint,
                           language::zh_cn);
  REQUIRE(neither);
  CHECK(neither->starts_with("文件第 4 行既不是 UTF-8 也不是 GB18030 编码：该行第 5 个字节（文件中偏移 40）0x80 "
                             "在两种编码中都不是有效的文本；请另存为 UTF-8：在 Excel 中依次点 文件 → 另存为"));
  auto utf16 = translate("line 1 is not UTF-8: the file is UTF-16 (\"Unicode text\"); " + hint, language::zh_cn);
  REQUIRE(utf16);
  CHECK(utf16->find("UTF-16") != std::string::npos);
  CHECK(utf16->find("CSV UTF-8（逗号分隔）") != std::string::npos);
  CHECK(*translate("a CSV body is read as UTF-8 or GB18030: send it with charset=utf-8, gb18030, gbk or gb2312 (GBK "
                   "and GB2312 are read as GB18030), or with no charset to have it detected; not latin1",
                   language::zh_cn) ==
        "CSV 请求体按 UTF-8 或 GB18030 读取：请以 charset=utf-8、gb18030、gbk 或 gb2312 发送（GBK 和 GB2312 按 GB18030 "
        "读取），或不写 charset，由服务器识别；不能是 latin1");
}

TEST_CASE("every code has a title in both languages, and every rule a Chinese text", "[domain][localize]") {
  for (auto code : {errc::invalid_request, errc::validation_failed, errc::not_found, errc::conflict, errc::unauthorized,
                    errc::forbidden, errc::too_large, errc::too_many_requests, errc::unavailable, errc::internal}) {
    INFO(to_string(code));
    CHECK_FALSE(title_of(code).en.empty());
    CHECK(has_han(title_of(code).zh_cn));
  }
  for (auto r : all_rules()) {
    INFO(to_string(r));
    CHECK(message_of(r, language::en) == message_of(r));
    CHECK(has_han(message_of(r, language::zh_cn)));
  }
}
