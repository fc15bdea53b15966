// The catalogue's part for reports, CSV files, the equipment registry and the
// customer registry (domain/message_catalogue.hpp).
#include <array>

#include "domain/message_catalogue.hpp"

namespace gridcoord::domain::catalogue_parts {

namespace {

constexpr std::array entries{
    // CSV files (domain/csv.cpp, domain/report_csv.cpp). The not-UTF-8 hint is an
    // entry of its own: the errors hold it in a "{m}" hole.
    catalogue_entry{"save it as UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\"; in a Chinese Excel: "
                    "另存为, \"CSV UTF-8（逗号分隔）\")",
                    "请另存为 UTF-8：" GRIDCOORD_ZH_EXCEL_SAVE_AS_CSV_UTF8},
    // "line 3 is not UTF-8: byte 0xC0 at byte 2 of the line (offset 117 in the file) is not
    // valid UTF-8 text; save it as …": the encoding's words are holes (GB18030 too).
    catalogue_entry{"line {} {m}: byte 0x{} at byte {} of the line (offset {} in the file) {m}; {m}",
                    "文件第 {0} 行{1}：该行第 {3} 个字节（文件中偏移 {4}）0x{2} {5}；{6}"},
    catalogue_entry{"this server cannot read GB18030: the C library has no converter for it ({})",
                    "此服务器无法读取 GB18030：C 库没有它的转换器（{0}）"},
    catalogue_entry{"line 1 is not UTF-8: the file is UTF-16 (\"Unicode text\"); {m}",
                    "文件第 1 行不是 UTF-8 编码：文件是 UTF-16 编码（“Unicode 文本”）；{0}"},
    catalogue_entry{"the file is empty: its first line must be the header naming the fields",
                    "文件是空的：第一行须为列出各字段名的表头"},
    catalogue_entry{"line 1 is blank: the first line must be the header naming the fields",
                    "文件第 1 行是空行：第一行须为列出各字段名的表头"},
    catalogue_entry{"line {} is blank; remove blank lines between the rows", "文件第 {0} 行是空行；请删除数据行之间的空行"},
    catalogue_entry{"line {} has more than {} fields", "文件第 {0} 行的字段多于 {1} 个"},
    catalogue_entry{"line {}: the quoted field {} that starts on this line is never closed; a quote inside a quoted "
                    "field is written twice (\"\")",
                    "文件第 {0} 行：从这一行开始的第 {1} 个带引号字段没有结束引号；带引号字段中的引号要写两次（\"\"）"},
    catalogue_entry{"line {}: field {} has text after its closing quote; a quote inside a quoted field is written "
                    "twice (\"\")",
                    "文件第 {0} 行：第 {1} 个字段在结束引号之后还有文字；带引号字段中的引号要写两次（\"\"）"},
    catalogue_entry{"a CSV file holds at most {} bytes", "CSV 文件最多 {0} 字节"},
    catalogue_entry{"a report holds at most {} rows", "一份报表最多 {0} 行"},
    catalogue_entry{"line {} has {} field(s); the header (line {}) has {}",
                    "文件第 {0} 行有 {1} 个字段，而表头（文件第 {2} 行）有 {3} 个"},
    catalogue_entry{"{} line(s) do not have the header's {} fields, the first is line {}; nothing was stored",
                    "有 {0} 行的字段数与表头的 {1} 个不同，第一处在文件第 {2} 行；未保存任何内容"},
    catalogue_entry{"column {} of the header (line {}) has no name; the fields are: {}",
                    "表头（文件第 {1} 行）第 {0} 列没有列名；字段为：{2}"},
    catalogue_entry{"appears twice in the header (line {}, columns {} and {})",
                    "在表头中出现了两次（文件第 {0} 行，第 {1} 列和第 {2} 列）"},
    catalogue_entry{"is a required column; the header names {}", "是必需的列；表头列出的是 {0}"},
    catalogue_entry{"the CSV header lacks required columns", "CSV 表头缺少必需的列"},
    catalogue_entry{"{} problem(s) in the header of the {} file; nothing was stored",
                    "{1} 文件的表头有 {0} 处问题；未保存任何内容"},

    // Reports.
    catalogue_entry{"{} problem(s) in the {} report; nothing was stored", "{1} 报表中有 {0} 处问题；未保存任何内容"},
    catalogue_entry{"the body must be a JSON object with an array \"rows\"", "请求体须为含数组 \"rows\" 的 JSON 对象"},
    catalogue_entry{"there is no {} report of {} for {}", "没有 {1} 在 {2} 的 {0} 报表"},
    catalogue_entry{"the {} report of {} for {} has no version {} (latest: {})",
                    "{1} 在 {2} 的 {0} 报表没有版本 {3}（最新版本：{4}）"},
    catalogue_entry{"the {} has no version {} (latest: {})", "{0} 没有版本 {1}（最新版本：{2}）"},
    catalogue_entry{"there is no report kind '{}'", "没有报表类型“{0}”"},
    catalogue_entry{"{} reports ({}) are sent by {}, not by {}", "{0} 报表（{1}）由 {2} 报送，而不是 {3}"},
    catalogue_entry{"{} reports are sent by {}, not by {}", "{0} 报表由 {1} 报送，而不是 {2}"},
    catalogue_entry{"{} does not send '{}' reports", "{0} 不报送“{1}”报表"},
    catalogue_entry{"the inbox of {} holds no item {}", "{0} 的收件箱中没有事项 {1}"},

    // The equipment registry.
    catalogue_entry{"a substation has no parent; leave parent out", "变电站没有上级设备；请不要填写 parent"},
    catalogue_entry{"no equipment {} in the registry or in this import", "设备台账和本次导入中都没有设备 {0}"},
    catalogue_entry{"no equipment {} in the registry", "设备台账中没有设备 {0}"},
    catalogue_entry{"there is no equipment {} in the registry", "设备台账中没有设备 {0}"},
    catalogue_entry{"no equipment of that id is registered", "没有登记该编号的设备"},
    catalogue_entry{"is not equipment in the registry", "不是设备台账中的设备"},
    catalogue_entry{"is not equipment of the registry", "不是设备台账中的设备"},
    catalogue_entry{"{} is a {m}, not a {m}: the parent of a {m} is a {m}", "{0} 是{1}，不是{2}：{3}的上级设备须为{4}"},
    catalogue_entry{"{} is a {m}, not a feeder", "{0} 是{1}，不是馈线"},
    catalogue_entry{"{} is registered as a {m}, not a {m}", "{0} 在台账中登记为{1}，不是{2}"},
    catalogue_entry{"{} is already registered: use {} {}", "{0} 已经登记：请填 {1} {2}"},
    catalogue_entry{"{} has {} registered child(ren) ({}, a {m}, first) whose parent must be a {m}; import them too, "
                    "or keep the kind",
                    "{0} 下已登记 {1} 台下级设备（第一台为{3} {2}），它们的上级设备须为{4}；请一并导入这些设备，或保留原类别"},
    catalogue_entry{"{} problem(s) in the equipment import; nothing was imported", "设备导入中有 {0} 处问题；未导入任何内容"},
    catalogue_entry{"the body must be a JSON object with an array \"equipment\"", "请求体须为含数组 \"equipment\" 的 JSON 对象"},
    catalogue_entry{"an import holds at most {} rows", "一次导入最多 {0} 行"},
    catalogue_entry{"the import holds no equipment", "本次导入没有任何设备"},

    // The customer registry.
    catalogue_entry{"{} problem(s) in the customer import; nothing was imported", "客户导入中有 {0} 处问题；未导入任何内容"},
    catalogue_entry{"the body must be a JSON object with an array \"customers\"", "请求体须为含数组 \"customers\" 的 JSON 对象"},
    catalogue_entry{"the import body has unknown fields", "导入请求体中有未知字段"},
    catalogue_entry{"the import holds no customers", "本次导入没有任何客户"},
    catalogue_entry{"an import holds at most {} customers", "一次导入最多 {0} 位客户"},
    catalogue_entry{"there is no customer {}", "没有客户 {0}"},
    catalogue_entry{"no customer of that id is registered", "没有登记该编号的客户"},
    catalogue_entry{"give a customer_id or the customer's name", "请填写 customer_id 或客户的名称"},
    catalogue_entry{"must be channel:address (\"sms:+8613800000000\"), entries separated by \";\"",
                    "须写成 channel:address（如 \"sms:+8613800000000\"），多个之间用 \";\" 分隔"},
    catalogue_entry{"a contact must be an object {{\"channel\", \"address\"}}",
                    "联系方式须为对象 {{\"channel\", \"address\"}}"},
    catalogue_entry{"must be an array of {{\"channel\", \"address\"}}", "须为由 {{\"channel\", \"address\"}} 构成的数组"},
    catalogue_entry{"must be an E.164 number: \"+\" then 8 to 15 digits (\"+8613800000000\")",
                    "须为 E.164 号码：\"+\" 后接 8 到 15 位数字（如 \"+8613800000000\"）"},
    catalogue_entry{"must be an e-mail address with exactly one \"@\" after a name (\"duty@example.cn\")",
                    "须为电子邮件地址：名称之后恰有一个 \"@\"（如 \"duty@example.cn\"）"},
    catalogue_entry{"must have a domain with a dot after the \"@\" (\"duty@example.cn\")",
                    "\"@\" 之后须为含点的域名（如 \"duty@example.cn\"）"},
    catalogue_entry{"must be an http:// or https:// URL with a host", "须为带主机名的 http:// 或 https:// URL"},
    catalogue_entry{"{m} for channel {}", "{0}（渠道 {1}）"},
};

}  // namespace

std::span<const catalogue_entry> reports() { return entries; }

}  // namespace gridcoord::domain::catalogue_parts
