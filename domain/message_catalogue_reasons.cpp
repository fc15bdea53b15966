// The catalogue's part for validation reasons that many fields share: what is
// missing, of the wrong type, out of bounds, not one of the values allowed, not
// a field (domain/message_catalogue.hpp). A reason is read after its field
// ("demand_kw must be a number"), so its Chinese is a predicate too.
#include <array>

#include "domain/message_catalogue.hpp"

namespace gridcoord::domain::catalogue_parts {

namespace {

constexpr std::array entries{
    // Presence.
    catalogue_entry{"is required", "必须填写"},
    catalogue_entry{"is required and must not be empty", "必须填写，且不能为空"},
    catalogue_entry{"is required: one of {}", "必须填写，取值为以下之一：{0}"},
    catalogue_entry{"is required: an RFC 3339 time, e.g. 2026-12-01T09:30:00+08:00",
                    "必须填写：RFC 3339 时间，例如 2026-12-01T09:30:00+08:00"},
    catalogue_entry{"is required: a list of equipment ids", "必须填写：设备编号的列表"},
    catalogue_entry{"is required: an equipment id", "必须填写：设备编号"},
    catalogue_entry{"is required: the reason in words", "必须填写：用文字写明理由"},
    catalogue_entry{"is required: PUT, POST or DELETE", "必须填写：PUT、POST 或 DELETE"},
    catalogue_entry{"is required, e.g. /v1/tokens", "必须填写，例如 /v1/tokens"},
    catalogue_entry{"is required: the {m} this {m} hangs under", "必须填写：此{1}所属的{0}"},
    catalogue_entry{"is required when callbacks_done is above 0", "callbacks_done 大于 0 时必须填写"},
    catalogue_entry{"is required when the customer was reached: a score from 1 to 5",
                    "联系到客户时必须填写：1 到 5 的评分"},
    catalogue_entry{"is required when {} is {}", "{0} 为 {1} 时必须填写"},
    catalogue_entry{"is required in a {} row", "{0} 类的行必须填写此项"},
    catalogue_entry{"is required with {}: give both coordinates or neither",
                    "须与 {0} 一同填写：两个坐标要么都填，要么都不填"},
    catalogue_entry{"is not part of a {} row", "{0} 类的行不含此项，请留空"},
    catalogue_entry{"is measured on callbacks: leave it out when callbacks_done is 0",
                    "此项按回访计算：callbacks_done 为 0 时请留空"},
    catalogue_entry{"give exactly one of {} and {}", "{0} 和 {1} 须且只能填写一个"},

    // Types and forms.
    catalogue_entry{"must be a string", "须为字符串"},
    catalogue_entry{"must be a non-empty string", "须为非空字符串"},
    catalogue_entry{"must not be empty", "不能为空"},
    catalogue_entry{"must be a number", "须为数值"},
    catalogue_entry{"must be a whole number", "须为整数"},
    catalogue_entry{"must be a number greater than 0", "须为大于 0 的数值"},
    catalogue_entry{"must be a number above 0", "须为大于 0 的数值"},
    catalogue_entry{"must be a number above 0 and at most 1", "须为大于 0 且不大于 1 的数值"},
    catalogue_entry{"must be true or false", "须为 true 或 false"},
    catalogue_entry{"must be a month written YYYY-MM", "须为 YYYY-MM 格式的月份"},
    catalogue_entry{"must be a month, YYYY-MM", "须为月份，格式为 YYYY-MM"},
    // A month cell of a CSV file (domain/report_csv.cpp).
    catalogue_entry{"must be a month: 2027-03, 2027/3, 2027/3/1 or 2027年3月",
                    "须为月份：2027-03、2027/3、2027/3/1 或 2027年3月"},
    catalogue_entry{"is a date, not a month: the day must be the 1st (2027/3/1) or be left out (2027/3)",
                    "是日期而不是月份：日须为 1 日（2027/3/1），或不写日（2027/3）"},
    catalogue_entry{"must be a date, YYYY-MM-DD", "须为日期，格式为 YYYY-MM-DD"},
    catalogue_entry{"must be an RFC 3339 time with its offset, e.g. 2026-12-01T09:30:00+08:00",
                    "须为带时区偏移的 RFC 3339 时间，例如 2026-12-01T09:30:00+08:00"},
    catalogue_entry{"is not an RFC 3339 time", "不是 RFC 3339 时间"},
    catalogue_entry{"must be UTF-8 text", "须为 UTF-8 文本"},
    catalogue_entry{"a row must be an object of field: value", "每一行须为由“字段: 值”构成的 JSON 对象"},
    catalogue_entry{"must be an object {{\"method\", \"path\", \"body\"}}",
                    "须为对象 {{\"method\", \"path\", \"body\"}}"},
    catalogue_entry{"must be a list of at least one equipment id", "须为至少含一个设备编号的列表"},
    catalogue_entry{"must be an equipment id (a non-empty string)", "须为设备编号（非空字符串）"},
    catalogue_entry{"must be a percent-encoded path without a query", "须为百分号编码、不带查询参数的路径"},
    catalogue_entry{"must be a text of 1 to {} bytes", "须为 1 到 {0} 字节的文本"},

    // Bounds.
    catalogue_entry{"must be greater than 0", "须大于 0"},
    catalogue_entry{"must be at least {}", "不得小于 {0}"},
    catalogue_entry{"must be at most {}, the hours in {}", "不得大于 {0}，即 {1} 的小时数"},
    catalogue_entry{"must be at most {} bytes", "不得超过 {0} 字节"},
    catalogue_entry{"must be at most {} characters", "不得超过 {0} 个字符"},
    catalogue_entry{"must be a string of at most {} bytes", "须为不超过 {0} 字节的字符串"},
    catalogue_entry{"must be greater than {} ({})", "须大于 {0}（{1}）"},
    catalogue_entry{"must be at most {} ({})", "不得大于 {0}（{1}）"},
    catalogue_entry{"must be at most {}", "不得大于 {0}"},
    catalogue_entry{"must be between {} and {} (degrees, WGS 84)", "须在 {0} 到 {1} 之间（单位为度，WGS 84）"},
    catalogue_entry{"must hold 1 to {} contacts, not {}", "须有 1 到 {0} 个联系方式，而不是 {1} 个"},
    catalogue_entry{"must be less than to", "须小于 to"},

    // Values allowed.
    catalogue_entry{"must be one of {}", "须为以下取值之一：{0}"},
    catalogue_entry{"must be admin, reader, planner, dispatcher, cs_agent or liaison:<department>",
                    "须为 admin、reader、planner、dispatcher、cs_agent 或 liaison:<部门>"},
    catalogue_entry{"is not a role", "不是角色"},
    catalogue_entry{"is not a department", "不是部门"},
    catalogue_entry{"is not a kind of equipment", "不是设备类别"},
    catalogue_entry{"is not a state of an application", "不是接入申请的状态"},
    catalogue_entry{"is not green, amber or red", "不是 green、amber 或 red"},
    catalogue_entry{"is not json, csv or html", "不是 json、csv 或 html"},
    catalogue_entry{"is not zh-CN or en", "不是 zh-CN 或 en"},
    catalogue_entry{"is not important or large", "不是 important 或 large"},
    catalogue_entry{"is not pending or dead_lettered", "不是 pending 或 dead_lettered"},
    catalogue_entry{"is not one of outage.started, outage.updated, crew.arrived, power.restored",
                    "不是 outage.started、outage.updated、crew.arrived、power.restored 之一"},

    // Fields that are not fields.
    catalogue_entry{"is not a field of {} (line {}, column {}); the fields are: {}; separate the columns with commas, "
                    "not semicolons or tabs",
                    "不是 {0} 的字段（文件第 {1} 行第 {2} 列）；字段为：{3}；请用逗号分隔各列，不要用分号或制表符"},
    catalogue_entry{"is not a field of {} (line {}, column {}); the fields are: {}",
                    "不是 {0} 的字段（文件第 {1} 行第 {2} 列）；字段为：{3}"},
    catalogue_entry{"is not a field of this report", "不是此报表的字段"},
    catalogue_entry{"is not a field of a contact (channel, address)", "不是联系方式的字段（字段为 channel、address）"},
    catalogue_entry{"is not a field of a customer ({})", "不是客户记录的字段（字段为 {0}）"},
    catalogue_entry{"is not a field of an application ({})", "不是接入申请的字段（字段为 {0}）"},
    catalogue_entry{"is not a field of an equipment record ({})", "不是设备记录的字段（字段为 {0}）"},
    catalogue_entry{"is not a field of an import (only \"customers\")", "不是导入请求的字段（只能有 \"customers\"）"},
    catalogue_entry{"is not a field of an operation (method, path, body)", "不是操作的字段（字段为 method、path、body）"},
    catalogue_entry{"is not a field of a token request (role, description, expires_at)",
                    "不是令牌申请的字段（字段为 role、description、expires_at）"},
    catalogue_entry{"must be after now ({})", "须晚于当前时间（{0}）"},
    catalogue_entry{"is not a field of the {m}", "不是{0}的字段"},
    catalogue_entry{"is not a field of {m}", "不是{0}的字段"},

    // Characters.
    catalogue_entry{"must not hold control characters", "不能含有控制字符"},
    catalogue_entry{"must not hold spaces or control characters", "不能含有空格或控制字符"},
    catalogue_entry{"must not hold a slash, a space or a control character", "不能含有斜杠、空格或控制字符"},
    catalogue_entry{"must not hold U+{}: control characters other than tab and line breaks, and bidirectional "
                    "overrides, are refused",
                    "不能含有 U+{0}：除制表符和换行外的控制字符以及双向文字覆盖符一律不接受"},
    catalogue_entry{"must not hold U+{}: control characters (tab and line breaks too) and bidirectional overrides "
                    "are refused",
                    "不能含有 U+{0}：控制字符（包括制表符和换行）以及双向文字覆盖符一律不接受"},
    catalogue_entry{"must be a finite number: this one is beyond the range of a double (about ±1.8e308)",
                    "必须是有限的数：此数超出了双精度数的范围（约 ±1.8e308）"},

    // Rows that repeat.
    catalogue_entry{"repeats row {}: an id appears once in an import", "与第 {0} 行重复：一次导入中每个编号只能出现一次"},
    catalogue_entry{"repeats the id of row {}; give each customer once", "与第 {0} 行的编号重复；每位客户只能出现一次"},
    catalogue_entry{"repeats row {}: {m}", "与第 {0} 行重复：{1}"},

    // Months of a report.
    catalogue_entry{"is before the report month {}", "早于报表月份 {0}"},
    catalogue_entry{"is more than {} months after the report month {}", "比报表月份 {1} 晚 {0} 个月以上"},
};

}  // namespace

std::span<const catalogue_entry> reasons() { return entries; }

}  // namespace gridcoord::domain::catalogue_parts
