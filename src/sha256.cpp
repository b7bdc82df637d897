// SHA-256 with the algorithm fetched once and one context per thread (detail/sha256.hpp).

#include "ocop/detail/sha256.hpp"

#include <array>

#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include "ocop/error.hpp"

namespace ocop::detail {

namespace {

/// Fetched once; never freed (it lives as long as the process, like the library's other statics).
const EVP_MD* sha256_algorithm() {
    static const EVP_MD* const md = [] {
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
        if (EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr)) return static_cast<const EVP_MD*>(fetched);
#endif
        return EVP_sha256();
    }();
    return md;
}

struct digest_context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    digest_context() = default;
    digest_context(const digest_context&) = delete;
    digest_context& operator=(const digest_context&) = delete;
    ~digest_context() { EVP_MD_CTX_free(ctx); }
};

constexpr char hex_digits[] = "0123456789abcdef";

}  // namespace

sha256_digest sha256(std::string_view bytes) {
    thread_local digest_context context;
    sha256_digest out{};
    unsigned int len = 0;
    EVP_MD_CTX* ctx = context.ctx;
    if (!ctx || EVP_DigestInit_ex(ctx, sha256_algorithm(), nullptr) != 1 || EVP_DigestUpdate(ctx, bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx, out.data(), &len) != 1 || len != out.size())
        throw error(errc::io, "", "SHA-256 failed in OpenSSL libcrypto");
    return out;
}

void write_hex(const sha256_digest& d, char* out) noexcept {
    for (std::size_t i = 0; i < d.size(); ++i) {
        out[2 * i] = hex_digits[d[i] >> 4];
        out[2 * i + 1] = hex_digits[d[i] & 0x0f];
    }
}

std::string to_hex(const sha256_digest& d) {
    std::string out(64, '0');
    write_hex(d, out.data());
    return out;
}

namespace {

/// The value of each byte as a lower-case hex digit, 0xff for a byte that is not one.
constexpr std::array<unsigned char, 256> hex_values = [] {
    std::array<unsigned char, 256> t{};
    t.fill(0xff);
    for (std::size_t c = 0; c < 10; ++c) t['0' + c] = static_cast<unsigned char>(c);
    for (std::size_t c = 0; c < 6; ++c) t['a' + c] = static_cast<unsigned char>(10 + c);
    return t;
}();

}  // namespace

bool from_hex(std::string_view hex, sha256_digest& d) noexcept {
    if (hex.size() != 64) return false;
    unsigned char bad = 0;  // without a branch per digit: hex digits are random, a branch would mispredict
    for (std::size_t i = 0; i < d.size(); ++i) {
        const unsigned char hi = hex_values[static_cast<unsigned char>(hex[2 * i])];
        const unsigned char lo = hex_values[static_cast<unsigned char>(hex[2 * i + 1])];
        bad |= hi | lo;
        d[i] = static_cast<unsigned char>(hi << 4 | (lo & 0x0f));
    }
    return (bad & 0xf0) == 0;
}

bool equals_hex(const sha256_digest& d, std::string_view hex) noexcept {
    if (hex.size() != 64) return false;
    for (std::size_t i = 0; i < d.size(); ++i)
        if (hex[2 * i] != hex_digits[d[i] >> 4] || hex[2 * i + 1] != hex_digits[d[i] & 0x0f]) return false;
    return true;
}

}  // namespace ocop::detail
