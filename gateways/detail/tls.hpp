#pragma once
// gateways/detail/tls.hpp — the two byte streams a connection runs over
// (plain TCP, or TLS over TCP through Asio SSL and OpenSSL), and the server's
// TLS context. session and event_stream are templates over the stream type,
// so one code path serves both.
// [Threading] A context is not changed once made; every connection shares it.
// [Errors]    make_server_context answers errc::invalid_request naming the
//             file that cannot be read, is not PEM, or holds a key that does
//             not match the certificate.
// [Limits]    TLS 1.2 or 1.3 only (tls_settings::min_version); OpenSSL's
//             default cipher list.
#include <memory>
#include <string>
#include <type_traits>

#include "gateways/detail/beast.hpp"
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "config/settings.hpp"
#include "domain/error.hpp"

namespace gridcoord::gateways::detail {

using plain_stream = boost::beast::tcp_stream;
using tls_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

template <class Stream>
inline constexpr bool is_tls_v = std::is_same_v<Stream, tls_stream>;

// The TCP stream under `s` (itself for plain_stream): its socket and its timeouts.
template <class Stream>
boost::beast::tcp_stream& tcp_of(Stream& s) {
  return boost::beast::get_lowest_layer(s);
}

// REQUIRES: t.enabled().
[[nodiscard]] domain::expected<std::shared_ptr<boost::asio::ssl::context>> make_server_context(
    const config::tls_settings& t);

// What failed in a TLS handshake, for a person: OpenSSL's reason when it gave one.
std::string describe_tls_error(const boost::beast::error_code& ec);

}  // namespace gridcoord::gateways::detail
