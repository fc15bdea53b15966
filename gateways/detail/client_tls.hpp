#pragma once
// gateways/detail/client_tls.hpp — the client side of TLS for gridcoord's
// outbound connections (notification_target): whom to trust, which name the
// server's certificate must carry, and why a handshake failed.
// [Threading] Pure functions; a context is configured once, before use.
// [Errors]    trust_peers answers "" or what went wrong loading the trust
//             anchors; expect_peer_name answers false when OpenSSL refuses
//             the name.
// [Limits]    TLS 1.2 or later; OpenSSL's default cipher list.
// (gateways/client/http_client.cpp has the same three steps in an anonymous
// namespace; it can use these once they move to gateways/client/.)
#include <string>

#include "gateways/detail/tls.hpp"

namespace gridcoord::gateways::detail {

// Peer verification against the PEM file `ca_file`, else the system's store.
std::string trust_peers(boost::asio::ssl::context& ctx, const std::string& ca_file);

// Sets SNI (for a DNS name) and the name the certificate must be made out
// to: a DNS name, or an IP address for an IP host.
[[nodiscard]] bool expect_peer_name(SSL* ssl, const std::string& host);

// Why a handshake on `ssl` failed with `ec`, for a person: the certificate
// verification result when there is one, else OpenSSL's reason.
std::string handshake_failure(SSL* ssl, const boost::beast::error_code& ec);

}  // namespace gridcoord::gateways::detail
