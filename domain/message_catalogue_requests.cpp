// The catalogue's part for HTTP itself, tokens and roles, and the parameters
// and bodies of the routes (domain/message_catalogue.hpp).
#include <array>

#include "domain/message_catalogue.hpp"

namespace gridcoord::domain::catalogue_parts {

namespace {

constexpr std::array entries{
    // HTTP: what the router and the session answer by themselves.
    catalogue_entry{"a CSV body is read as UTF-8 or GB18030: send it with charset={m} (GBK and GB2312 are read as "
                    "GB18030), or with no charset to have it detected; not {}",
                    "CSV 请求体按 UTF-8 或 GB18030 读取：请以 charset={0} 发送（GBK 和 GB2312 按 GB18030 读取），"
                    "或不写 charset，由服务器识别；不能是 {1}"},
    catalogue_entry{"a JSON lines body must be UTF-8, not {}: save the file as UTF-8 and send it with Content-Type: "
                    "application/x-ndjson; charset=utf-8",
                    "JSON lines 请求体须为 UTF-8 编码，而不是 {0}：请将文件另存为 UTF-8，再以 Content-Type: "
                    "application/x-ndjson; charset=utf-8 发送"},
    catalogue_entry{"a {} body must be UTF-8, not {}: save the file as UTF-8 and send it with Content-Type: {}; "
                    "charset=utf-8",
                    "{0} 请求体须为 UTF-8 编码，而不是 {1}：请将文件另存为 UTF-8，再以 Content-Type: {2}; charset=utf-8 发送"},
    catalogue_entry{"a request body here must be JSON (Content-Type: application/json) or CSV (Content-Type: text/csv)",
                    "此处的请求体须为 JSON（Content-Type: application/json）或 CSV（Content-Type: text/csv）"},
    catalogue_entry{"a request body here must be JSON lines (Content-Type: application/x-ndjson or text/plain) or "
                    "JSON (application/json)",
                    "此处的请求体须为 JSON lines（Content-Type: application/x-ndjson 或 text/plain）或 JSON"
                    "（application/json）"},
    catalogue_entry{"a request body must be JSON, sent with Content-Type: application/json",
                    "请求体须为 JSON，并以 Content-Type: application/json 发送"},
    catalogue_entry{"the body is not valid JSON: {}", "请求体不是有效的 JSON：{0}"},
    catalogue_entry{"the request target is not a well-formed, UTF-8, percent-encoded path",
                    "请求目标不是格式正确、以 UTF-8 百分号编码的路径"},
    catalogue_entry{"no resource at {}", "{0} 处没有资源"},
    catalogue_entry{"{} is not allowed on {}; allowed: {}", "{1} 不接受 {0} 方法；允许的方法：{2}"},
    catalogue_entry{"the server failed to handle this request", "服务器未能处理此请求"},
    catalogue_entry{"the server has too many open connections; retry later", "服务器打开的连接过多，请稍后重试"},
    catalogue_entry{"the request did not arrive within {} ms", "请求未在 {0} 毫秒内完整到达"},
    catalogue_entry{"the disk holding the event log is full: nothing of this request was stored; retry with the "
                    "same Idempotency-Key once an operator has freed space",
                    "事件日志所在磁盘已满：本次请求的内容一概未保存；请在运维人员释放空间后，用同一个 Idempotency-Key 重试"},
    catalogue_entry{"the disk is full: nothing of this write was stored", "磁盘已满：本次写入的内容一概未保存"},
    catalogue_entry{"the disk is still full: {}", "磁盘仍然已满：{0}"},
    catalogue_entry{"the disk is full: {} MiB free, below the {} MiB kept free",
                    "磁盘已满：仅剩 {0} MiB 可用，低于须保留的 {1} MiB"},
    catalogue_entry{"the request head did not arrive within {} ms", "请求行和请求头未在 {0} 毫秒内完整到达"},
    catalogue_entry{"an HTTP/1.1 request must carry a Host header", "HTTP/1.1 请求必须带 Host 请求头"},
    catalogue_entry{"a request must carry one Host header, not several", "一个请求只能带一个 Host 请求头，不能带多个"},
    catalogue_entry{"Transfer-Encoding \"{}\" is not read here: send the body with Content-Length, or with "
                    "\"Transfer-Encoding: chunked\" alone (HTTP/1.1)",
                    "本服务器不读取 Transfer-Encoding \"{0}\"：请用 Content-Length 发送请求体，"
                    "或只用 \"Transfer-Encoding: chunked\"（HTTP/1.1）"},
    catalogue_entry{"the body is larger than {} bytes", "请求体超过 {0} 字节"},
    catalogue_entry{"the header is larger than {} bytes", "请求头超过 {0} 字节"},
    catalogue_entry{"malformed HTTP request: {}", "HTTP 请求格式错误：{0}"},
    catalogue_entry{"the server is stopping; retry later", "服务器正在停止，请稍后重试"},
    catalogue_entry{"gridcoord is stopping", "gridcoord 正在停止"},
    catalogue_entry{"gridcoord is shutting down or restarting", "gridcoord 正在关闭或重启"},
    catalogue_entry{"the request timed out inside gridcoord; retry with the same Idempotency-Key",
                    "请求在 gridcoord 内部超时；请用同一个 Idempotency-Key 重试"},

    // Tokens, roles, rates.
    catalogue_entry{"this request needs a token: send \"Authorization: Bearer <token>\"",
                    "此请求需要令牌：请发送请求头 \"Authorization: Bearer <token>\""},
    catalogue_entry{"the token is not valid; ask an administrator for one", "令牌无效；请向管理员申请令牌"},
    catalogue_entry{"the token expired at {}; ask an administrator for a new one",
                    "令牌已于 {0} 过期；请向管理员申请新令牌"},
    catalogue_entry{"the token would expire before it is issued", "令牌的过期时间须晚于签发时间"},
    catalogue_entry{"the role {} may not do this", "角色 {0} 无权执行此操作"},
    catalogue_entry{"the role {} may not {} {}", "角色 {0} 无权执行 {1} {2}"},
    catalogue_entry{"token {} is over its request rate; retry in {} ms",
                    "令牌 {0} 的请求超过了速率上限；请在 {1} 毫秒后重试"},
    catalogue_entry{"unknown role", "未知的角色"},
    catalogue_entry{"there is no role '{}'", "没有角色“{0}”"},
    catalogue_entry{"there is no token {}", "没有令牌 {0}"},
    catalogue_entry{"the body must be {{\"role\": \"…\", \"description\": \"…\"}}",
                    "请求体须为 {{\"role\": \"…\", \"description\": \"…\"}}"},

    // Idempotency.
    catalogue_entry{"Idempotency-Key '{}' was already used for a different request; use a new key for new content",
                    "Idempotency-Key“{0}”已用于另一个不同的请求；新的内容请使用新的键"},
    catalogue_entry{"Idempotency-Key must be 1 to {} characters", "Idempotency-Key 须为 1 到 {0} 个字符"},

    // Path and query parameters.
    catalogue_entry{"no department \"{}\"; departments are planning, dispatch, production, marketing, "
                    "customer_service",
                    "没有部门“{0}”；部门为 planning（规划）、dispatch（调度）、production（生产）、marketing（营销）、"
                    "customer_service（客服）"},
    catalogue_entry{"no report kind \"{}\"", "没有报表类型“{0}”"},
    catalogue_entry{"\"{}\" is not a month; write it YYYY-MM, e.g. 2027-03", "“{0}”不是月份；请写成 YYYY-MM，例如 2027-03"},
    catalogue_entry{"{m} must be a whole number from {} to {}, not \"{}\"", "{0}须为 {1} 到 {2} 之间的整数，而不是“{3}”"},
    catalogue_entry{"{} must be true or false", "{0} 须为 true 或 false"},
    catalogue_entry{"{} must be an RFC 3339 time, e.g. 2026-11-01T00:00:00+08:00",
                    "{0} 须为 RFC 3339 时间，例如 2026-11-01T00:00:00+08:00"},
    catalogue_entry{"the month is required: ?month=YYYY-MM", "缺少月份：请加上 ?month=YYYY-MM"},
    catalogue_entry{"from must be a department", "from 须为部门"},
    catalogue_entry{"from must be an earlier version than to", "from 须为比 to 更早的版本"},
    catalogue_entry{"version {} is the first: there is nothing to compare it with", "版本 {0} 是第一个版本，没有可比较的版本"},
    catalogue_entry{"format must be json, csv or html", "format 须为 json、csv 或 html"},
    catalogue_entry{"lang must be zh-CN or en", "lang 须为 zh-CN 或 en"},
    catalogue_entry{"status must be green, amber or red", "status 须为 green、amber 或 red"},
    catalogue_entry{"kind must be substation, main_transformer, feeder or distribution_transformer",
                    "kind 须为 substation、main_transformer、feeder 或 distribution_transformer"},
    catalogue_entry{"state must be submitted, approved, refused or energized",
                    "state 须为 submitted、approved、refused 或 energized"},
    catalogue_entry{"state must be pending or dead_lettered", "state 须为 pending 或 dead_lettered"},
    catalogue_entry{"tier must be important or large", "tier 须为 important 或 large"},
    catalogue_entry{"department must be planning, dispatch, production, marketing or customer_service",
                    "department 须为 planning、dispatch、production、marketing 或 customer_service"},
    catalogue_entry{"list notifications by state: pending or dead_lettered (a customer's are on the customer)",
                    "请按状态列出通知：pending 或 dead_lettered（某位客户的通知见该客户）"},
    catalogue_entry{"no such file in the console", "控制台中没有此文件"},
    catalogue_entry{"no file /console/{} in the console", "控制台中没有文件 /console/{0}"},

    // Bodies.
    catalogue_entry{"the body must be an object {{\"by\": \"…\"}}", "请求体须为对象 {{\"by\": \"…\"}}"},
    catalogue_entry{"unknown field \"{}\"; the body may hold only \"by\"", "未知字段“{0}”；请求体只能包含 \"by\""},
    catalogue_entry{"\"by\" must be a string of 1 to {} bytes", "\"by\" 须为 1 到 {0} 字节的字符串"},
    catalogue_entry{"the body must be a JSON object", "请求体须为 JSON 对象"},
    catalogue_entry{"the body of a {m} must be a JSON object", "{0}的请求体须为 JSON 对象"},
    catalogue_entry{"the body holds a number too large to be a finite number", "请求体中有一个数太大，不是有限的数"},
    catalogue_entry{"the {m} is not valid", "{0}有误"},
    catalogue_entry{"the request has invalid fields", "请求中有字段不符合要求"},

    // Batches.
    catalogue_entry{"the body must be {{\"operations\": [{{\"method\", \"path\", \"body\"}}, …]}}",
                    "请求体须为 {{\"operations\": [{{\"method\", \"path\", \"body\"}}, …]}}"},
    catalogue_entry{"a batch holds at most {} operations, not {}", "一个批量请求最多包含 {0} 个操作，而不是 {1} 个"},
    catalogue_entry{"a batch holds at least one operation", "一个批量请求至少包含一个操作"},
    catalogue_entry{"operation {} of {}: {m}; nothing was written", "第 {0} 个操作（共 {1} 个）：{2}；未写入任何内容"},
    catalogue_entry{"{} of {} operations cannot be applied; nothing was written", "{1} 个操作中有 {0} 个无法执行；未写入任何内容"},
    catalogue_entry{"{} {} cannot be batched; a batch holds {}", "{0} {1} 不能放入批量请求；批量请求可包含：{2}"},
};

}  // namespace

std::span<const catalogue_entry> requests() { return entries; }

}  // namespace gridcoord::domain::catalogue_parts
