#pragma once
// config/messages_file.hpp — the messages to customers (config/messages.toml;
// the format is in docs/notifications.md, "What the customer reads"): per
// language, the signature, the contact line, the words for what is not known
// yet and for each equipment kind, and one template per message kind.
//
// [Threading] Plain functions; no shared state.
// [Errors]    Every problem is a load_error naming the file, the line and the
//             key ("FILE:LINE: KEY WHAT"): a syntax error, an unknown or
//             missing key, a wrong type, a language gridcoord does not write
//             (zh-CN, en), the language in force missing from the file, a
//             template with an unknown placeholder, one its kind does not
//             have or a brace not closed, a message kind without a template,
//             a max_sms_segments outside 1..10, and a template that, written
//             with the [check] stand-ins, takes more SMS segments than its
//             language's max_sms_segments.
// [Limits]    Languages zh-CN and en; at least the one in force.
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "config/settings.hpp"
#include "domain/sla/messages.hpp"

namespace gridcoord::config {

// The catalogue of a messages file, writing in `language` ("zh-CN" or "en");
// `origin` names the file in errors.
[[nodiscard]] gridcoord::expected<domain::sla::message_catalogue, load_error> parse_messages_file(
    std::string_view toml, const std::string& origin, const std::string& language);

// The file at `path` (relative to the working directory). When it is not
// there and `path` is the shipped name ("config/messages.toml",
// config/shipped_files.hpp), the copy built into the binary is read instead,
// and a note saying so is added to `notes` (when given).
[[nodiscard]] gridcoord::expected<domain::sla::message_catalogue, load_error> load_messages_file(
    const std::string& path, const std::string& language, std::vector<std::string>* notes = nullptr);

}  // namespace gridcoord::config
