#pragma once
// gateways/error_mapping.hpp — the one place where errors become HTTP statuses.
//
// domain::errc -> status is one table (error_mapping.cpp); so are the
// protocol-level failures that have no domain code of their own (405, 408,
// 415, 431, ...), each with a title in English and Chinese. Every error body
// is the envelope
//   {"error":{"code":"…","message":"…","details":[{"row":3,"field":…,"value":…,"reason":…}]}}
// written in English by error_response, and in the client's language by
// in_language, which the session calls on every answer it writes.
// [Threading] Pure; safe from any thread.
#include <string>

#include <boost/json/object.hpp>

#include "domain/error.hpp"
#include "domain/language.hpp"
#include "gateways/router.hpp"

namespace gridcoord::gateways {

// invalid_request 400, validation_failed 422, not_found 404, conflict 409,
// unauthorized 401, forbidden 403, too_large 413, unavailable 503, internal 500.
unsigned http_status(domain::errc code) noexcept;

// Failures of HTTP itself, before or around routing.
enum class protocol_error {
  bad_request,             // unparsable HTTP or target            -> 400 invalid_request
  method_not_allowed,      // path known, method not               -> 405 invalid_request
  request_timeout,         // request not read within read_timeout -> 408 invalid_request
  body_too_large,          // body above max_body_bytes            -> 413 too_large
  unsupported_media_type,  // write body that is not JSON          -> 415 invalid_request
  header_too_large,        // header block above max_header_bytes  -> 431 too_large
  too_many_connections,    // above max_connections                -> 503 unavailable
};

unsigned http_status(protocol_error e) noexcept;

// The envelope with the status of e.code.
http_response error_response(const domain::error& e);
// The same, with `extra`'s members added to the error object beside code,
// message and details (the "encoding" of a CSV body).
http_response error_response(const domain::error& e, const boost::json::object& extra);
http_response error_response(domain::errc code, std::string message);
// The envelope for a protocol failure (code as listed above).
http_response error_response(protocol_error e, std::string message);

// What a protocol failure is, in a few words: "method not allowed" / "不允许使用该方法".
domain::localized_text title_of(protocol_error e) noexcept;

// `r` as it goes to a client that asked for `l`: an error answer's envelope
// written in `l` (domain::localize: the message and every detail's reason;
// code, rule, row, field and value unchanged), with "Content-Language: zh-CN"
// or "en" and "Vary: Accept-Language"; in English the body is byte for byte
// error_response's. Any other answer is returned unchanged.
http_response in_language(http_response r, domain::language l);

}  // namespace gridcoord::gateways
