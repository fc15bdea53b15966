// The catalogue's part for the timed service work (SLA): outages, planned
// outages, complaints, callbacks, analyses and the outage feed
// (domain/message_catalogue.hpp). An item is named "outage/3", "complaint/12":
// the name stays as it is.
#include <array>

#include "domain/message_catalogue.hpp"

namespace gridcoord::domain::catalogue_parts {

namespace {

constexpr std::array entries{
    // Items that do not exist, or are not in the state a step needs.
    catalogue_entry{"there is no {m} {}", "没有{0} {1}"},
    catalogue_entry{"there are no items of kind {}", "没有类别为 {0} 的事项"},
    catalogue_entry{"{} has not been forwarded yet", "{0} 尚未转派"},
    catalogue_entry{"{} is resolved", "{0} 已处理完毕"},
    catalogue_entry{"{} is routed to {}, not to {}", "{0} 已转派给 {1}，而不是 {2}"},
    catalogue_entry{"{} already reached the customer", "{0} 已经联系到客户"},
    catalogue_entry{"{} was closed", "{0} 已经关闭"},
    catalogue_entry{"{} is {}'s to close", "{0} 须由 {1} 关闭"},
    catalogue_entry{"{} was restored; it can no longer be updated", "{0} 已经复电，不能再更新"},
    catalogue_entry{"{} was restored before a crew arrival was reported", "{0} 在报告抢修队伍到达之前就已复电"},
    catalogue_entry{"the feed's outage {} was started by an earlier event", "数据源中的停电 {0} 已由更早的事件开始"},
    catalogue_entry{"no outage.started event came for the feed's outage {}",
                    "数据源中的停电 {0} 没有收到 outage.started 事件"},
    catalogue_entry{"the feed takes at most {} lines in one request; send the rest in another",
                    "一个请求最多 {0} 行停电数据；其余的请分批发送"},
    catalogue_entry{"the outage feed takes JSON lines (Content-Type: application/x-ndjson or text/plain), or JSON "
                    "(application/json): one line object or an array of them",
                    "停电数据接口接受 JSON lines（Content-Type: application/x-ndjson 或 text/plain）或 JSON"
                    "（application/json）：一个行对象或行对象的数组"},
    catalogue_entry{"an application.energized event has no application id", "application.energized 事件中没有申请编号"},

    // What a step must say.
    catalogue_entry{"name at least one equipment id", "请至少填写一个设备编号"},
    catalogue_entry{"give a cause, an etr or equipment_added", "请至少填写 cause、etr 或 equipment_added 之一"},
    catalogue_entry{"say what the customer asks or complains of", "请写明客户的诉求或投诉内容"},
    catalogue_entry{"say what was done", "请写明处理情况"},
    catalogue_entry{"say what the analysis found", "请写明分析结论"},
    catalogue_entry{"a callback that reached the customer needs a satisfaction score from 1 to 5",
                    "联系到客户的回访须有 1 到 5 的满意度评分"},

    // Times.
    catalogue_entry{"is before the outage started", "早于停电开始时间"},
    catalogue_entry{"is before the crew arrived", "早于抢修队伍到达时间"},
    catalogue_entry{"is in the future", "是将来的时间"},
    catalogue_entry{"must be after the outage started", "须晚于停电开始时间"},
    catalogue_entry{"must be in the future", "须为将来的时间"},
    catalogue_entry{"must be after starts_at", "须晚于 starts_at"},
    catalogue_entry{"a {m} outage must be noticed {m}; this notice comes later, and late notices are refused "
                    "(time_limits late_notice = \"refuse\")",
                    "{0}停电须在{1}通知；此通知已晚于该时限，而迟到的通知会被拒绝（time_limits 的 late_notice = \"refuse\"）"},
};

}  // namespace

std::span<const catalogue_entry> service() { return entries; }

}  // namespace gridcoord::domain::catalogue_parts
