// The catalogue's general shapes, tried after every other entry, and the word
// table for "{m}" holes (domain/message_catalogue.hpp).
#include <array>

#include "domain/message_catalogue.hpp"

namespace gridcoord::domain::catalogue_parts {

namespace {

// Shapes whose words vary with a rule's parameters; specific entries come first.
constexpr std::array general{
    // domain/row_rules.cpp compare(): "must be <relation> <field> (<its value>)".
    catalogue_entry{"must be {m} {} ({})", "须{0} {1}（{2}）"},
};

// What fills a "{m}" hole: states, kinds, the names of bodies and steps, time limits.
constexpr std::array word_entries{
    // What a duplicate row repeats (domain/row_rules.cpp key_description()), and lists
    // written "a, b and c" (listed()): the list is a hole of the first.
    catalogue_entry{"no two rows have the same {m}", "任意两行的 {0} 不能相同"},
    catalogue_entry{"{} and {}", "{0} 和 {1}"},
    // Relations of two fields.
    catalogue_entry{"greater than", "大于"},
    catalogue_entry{"at most", "不大于"},
    // Equipment kinds.
    catalogue_entry{"substation", "变电站"},
    catalogue_entry{"main_transformer", "主变"},
    catalogue_entry{"feeder", "馈线"},
    catalogue_entry{"distribution_transformer", "配变"},
    // An application's states and steps.
    catalogue_entry{"submitted", "已提交"},
    catalogue_entry{"approved", "已批准"},
    catalogue_entry{"refused", "已驳回"},
    catalogue_entry{"energized", "已送电"},
    // The bodies routes read.
    catalogue_entry{"precheck", "容量预检"},
    catalogue_entry{"refusal", "驳回"},
    catalogue_entry{"energization", "送电"},
    catalogue_entry{"application", "接入申请"},
    catalogue_entry{"publication request", "发布请求"},
    catalogue_entry{"token request", "令牌申请"},
    catalogue_entry{"feed line", "停电数据行"},
    catalogue_entry{"outage report", "停电报告"},
    catalogue_entry{"outage update", "停电更新"},
    catalogue_entry{"crew arrival", "抢修队伍到达"},
    catalogue_entry{"restoration", "复电"},
    catalogue_entry{"customers-notified note", "客户已通知记录"},
    catalogue_entry{"planned-outage notice", "计划停电通知"},
    catalogue_entry{"forward", "转派"},
    catalogue_entry{"acknowledgement", "签收"},
    catalogue_entry{"handling result", "处理结果"},
    catalogue_entry{"callback attempt", "回访记录"},
    catalogue_entry{"analysis closing", "分析结论"},
    // Items of the timed work.
    catalogue_entry{"complaint", "客户诉求"},
    catalogue_entry{"callback", "回访"},
    catalogue_entry{"analysis", "分析记录"},
    catalogue_entry{"outage", "停电"},
    // Planned outages and their notice periods (domain/sla/limits.cpp describe()).
    catalogue_entry{"planned", "计划"},
    catalogue_entry{"temporary", "临时检修"},
    catalogue_entry{"{} d before the start", "开始前 {0} 天"},
    catalogue_entry{"{} h before the start", "开始前 {0} 小时"},
    catalogue_entry{"{} min before the start", "开始前 {0} 分钟"},
    // A CSV file's encoding (domain/csv.cpp, csv_encoding.cpp).
    catalogue_entry{"utf-8, gb18030, gbk or gb2312", "utf-8、gb18030、gbk 或 gb2312"},
    catalogue_entry{"is not UTF-8", "不是 UTF-8 编码"},
    catalogue_entry{"is not GB18030", "不是 GB18030 编码"},
    catalogue_entry{"is neither UTF-8 nor GB18030", "既不是 UTF-8 也不是 GB18030 编码"},
    catalogue_entry{"is not valid UTF-8 text", "不是有效的 UTF-8 文本"},
    catalogue_entry{"is not valid GB18030 (GBK) text", "不是有效的 GB18030（GBK）文本"},
    catalogue_entry{"is not valid text in either", "在两种编码中都不是有效的文本"},
    // Numbers a parameter names.
    catalogue_entry{"the id", "编号"},
    catalogue_entry{"item", "事项编号"},
    catalogue_entry{"publication number", "发布编号"},
    // What stored data is, and why it cannot be read.
    catalogue_entry{"batch receipt", "批量请求回执"},
    catalogue_entry{"customer import", "客户导入"},
    catalogue_entry{"equipment import", "设备导入"},
    catalogue_entry{"equipment receipt", "设备导入回执"},
    catalogue_entry{"inbox item", "收件箱事项"},
    catalogue_entry{"publication", "发布"},
    catalogue_entry{"receipt", "回执"},
    catalogue_entry{"report version", "报表版本"},
    catalogue_entry{"token event", "令牌事件"},
    catalogue_entry{"token record", "令牌记录"},
    catalogue_entry{"not JSON", "不是 JSON"},
    catalogue_entry{"not an object", "不是对象"},
    catalogue_entry{"not an array", "不是数组"},
    catalogue_entry{"no rows", "没有行"},
    catalogue_entry{"a row is not an object", "有一行不是对象"},
};

}  // namespace

std::span<const catalogue_entry> fallbacks() { return general; }
std::span<const catalogue_entry> words() { return word_entries; }

}  // namespace gridcoord::domain::catalogue_parts
