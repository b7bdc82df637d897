#pragma once
// Private: SHA-256 through OpenSSL's libcrypto, fast enough to hash each log entry once. The
// algorithm is fetched once per process (EVP_MD_fetch; EVP_Digest with EVP_sha256() looks it up
// again on every call) and each thread reuses one digest context.

#include <array>
#include <string>
#include <string_view>

namespace ocop::detail {

using sha256_digest = std::array<unsigned char, 32>;

/// SHA-256 of `bytes`. Throws error(errc::io) if libcrypto fails.
sha256_digest sha256(std::string_view bytes);
/// The 64 lower-case hex digits of `d`.
std::string to_hex(const sha256_digest& d);
/// Writes the 64 lower-case hex digits of `d` to `out` (no allocation).
void write_hex(const sha256_digest& d, char* out) noexcept;
/// Reads 64 lower-case hex digits into `d`; false (and `d` unspecified) for anything else.
bool from_hex(std::string_view hex, sha256_digest& d) noexcept;
/// True when `hex` is exactly the 64 lower-case hex digits of `d`.
bool equals_hex(const sha256_digest& d, std::string_view hex) noexcept;

}  // namespace ocop::detail
