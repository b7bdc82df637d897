// The log's in-memory coding of event texts (detail/log_text_codec.hpp).

#include "ocop/detail/log_text_codec.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <variant>
#include <vector>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include "ocop/detail/described_json.hpp"
#include "ocop/workflow.hpp"

namespace ocop::detail {

namespace {

constexpr std::size_t one_byte_codes = 28;  // bytes 0x01..0x1c; 0x1f then a byte: 256 more
constexpr unsigned char date_code = 0x1d;       // then 4 bytes: a quoted "YYYY-MM-DD"
constexpr unsigned char timestamp_code = 0x1e;  // then 8 bytes: a quoted "YYYY-MM-DDTHH:MM:SS+HH:MM" (or -HH:MM)
constexpr unsigned char two_byte_code = 0x1f;
constexpr std::size_t max_words = one_byte_codes + 256;

template <class T>
struct is_variant : std::false_type {};
template <class... Ts>
struct is_variant<std::variant<Ts...>> : std::true_type {};

/// The words of the schema, the most frequent first (the event's own keys and enums).
class dictionary {
public:
    dictionary() {
        for (const char* key : {"type", "dossier", "actor", "role", "at", "payload", "reason"}) add_key(key);
        add_enum<event_type>();
        add_enum<role>();
        collect<event_payload>();
        for (std::size_t i = 0; i < words_.size(); ++i) index(i);
    }

    const std::string& word(std::size_t code) const noexcept { return words_[code]; }
    std::size_t size() const noexcept { return words_.size(); }

    /// The code of `w`, or npos.
    std::size_t find(std::string_view w) const noexcept {
        for (std::size_t slot = hash(w) & (table_size - 1);; slot = (slot + 1) & (table_size - 1)) {
            const std::uint16_t at = table_[slot];
            if (at == 0) return std::string_view::npos;
            if (words_[at - 1u] == w) return at - 1u;
        }
    }

private:
    static constexpr std::size_t table_size = 1024;  // a power of two, well above max_words

    /// From the length and three bytes, in constant time: every quoted word of an event is looked
    /// up, most are not in the table, and probing settles the few collisions.
    static std::size_t hash(std::string_view w) noexcept {
        if (w.size() < 3) return w.size();
        auto at = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(w[i])); };
        return w.size() * 97 + at(1) * 31 + at(2) * 7 + at(w.size() - 2) * 131;
    }
    void index(std::size_t i) {
        std::size_t slot = hash(words_[i]) & (table_size - 1);
        while (table_[slot] != 0) slot = (slot + 1) & (table_size - 1);
        table_[slot] = static_cast<std::uint16_t>(i + 1);
    }
    void add(std::string w) {
        if (words_.size() == max_words) return;
        for (const auto& known : words_)
            if (known == w) return;
        words_.push_back(std::move(w));
    }
    void add_key(std::string_view name) { add("\"" + std::string(name) + "\":"); }
    template <class E>
    void add_enum() {
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) { add("\"" + std::string(D.name) + "\""); });
    }
    template <class T>
    void collect() {
        if constexpr (is_variant<T>::value) {
            [&]<class... Ts>(std::type_identity<std::variant<Ts...>>) { (collect<Ts>(), ...); }(std::type_identity<T>{});
        } else if constexpr (is_optional<T>::value || is_vector<T>::value) {
            collect<typename T::value_type>();
        } else if constexpr (is_described_enum<T>) {
            add_enum<T>();
        } else if constexpr (is_described_struct<T>) {
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
                add_key(D.name);
                collect<std::remove_cvref_t<decltype(std::declval<T>().*D.pointer)>>();
            });
        }
    }

    std::vector<std::string> words_;
    std::array<std::uint16_t, table_size> table_{};
};

const dictionary& words() {
    static const dictionary d;
    return d;
}

void put_code(std::string& out, std::size_t code) {
    if (code < one_byte_codes) {
        out += static_cast<char>(code + 1);
    } else {
        out += static_cast<char>(two_byte_code);
        out += static_cast<char>(code - one_byte_codes);
    }
}

/// Dates and timestamps, a 25-byte part of every event, are kept as their two-digit pairs (each
/// 0..99, so any digits come back as they were) in one number: base 100, then the zone's sign.
constexpr std::string_view date_form = "\"0000-00-00\"";
constexpr std::string_view timestamp_form = "\"0000-00-00T00:00:00+00:00\"";

/// Whether `w` has the shape of `form` ('0': a digit, '+': a sign, else that byte).
bool has_form(std::string_view w, std::string_view form) noexcept {
    if (w.size() != form.size()) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char f = form[i], c = w[i];
        if (f == '0' ? (c < '0' || c > '9') : f == '+' ? (c != '+' && c != '-') : c != f) return false;
    }
    return true;
}

/// Appends `w` (of `form`) as `code` and its digit pairs in `bytes` little-endian bytes.
void put_packed(std::string& out, unsigned char code, std::string_view w, std::string_view form, std::size_t bytes) {
    std::uint64_t v = 0;
    bool minus = false;
    for (std::size_t i = 0; i < w.size(); ++i)
        if (form[i] == '0') v = v * 10 + static_cast<std::uint64_t>(w[i] - '0');
        else if (form[i] == '+') minus = w[i] == '-';
    if (form == timestamp_form) v = v * 2 + minus;
    out += static_cast<char>(code);
    for (std::size_t i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

/// Appends the text of a packed `form` read from `in` (its `bytes` bytes).
void put_unpacked(std::string& out, const char* in, std::string_view form, std::size_t bytes) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    bool minus = false;
    if (form == timestamp_form) {
        minus = v & 1;
        v /= 2;
    }
    char text[timestamp_form.size()];
    for (std::size_t i = form.size(); i-- > 0;)
        if (form[i] == '0') {
            text[i] = static_cast<char>('0' + v % 10);
            v /= 10;
        } else {
            text[i] = form[i] == '+' ? (minus ? '-' : '+') : form[i];
        }
    out.append(text, form.size());
}

constexpr std::size_t date_bytes = 4;       // 10^8 < 2^32
constexpr std::size_t timestamp_bytes = 8;  // 10^18 * 2 < 2^64

/// The position of the first byte below 0x20 in s[from..], or s.size(): eight bytes at a time.
std::size_t next_code(std::string_view s, std::size_t from) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    std::size_t i = from;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if ((w - ones * 0x20) & ~w & highs) break;
    }
    while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20) ++i;
    return i;
}

}  // namespace

void encode_event_text(std::string& out, std::string_view text) {
    const dictionary& d = words();
    std::size_t i = 0;
    for (;;) {
        const std::size_t open = text.find('"', i);
        const std::size_t close = open == std::string_view::npos ? open : text.find('"', open + 1);
        if (close == std::string_view::npos) break;
        out.append(text.data() + i, open - i);
        const bool key = close + 1 < text.size() && text[close + 1] == ':';
        const std::string_view quoted = text.substr(open, close - open + 1);
        std::size_t code = d.find(text.substr(open, close - open + 1 + key));
        if (code != std::string_view::npos) {
            put_code(out, code);
            i = close + 1 + key;
        } else if (has_form(quoted, timestamp_form)) {
            put_packed(out, timestamp_code, quoted, timestamp_form, timestamp_bytes);
            i = close + 1;
        } else if (has_form(quoted, date_form)) {
            put_packed(out, date_code, quoted, date_form, date_bytes);
            i = close + 1;
        } else {
            out.append(text.data() + open, close + 1 - open);  // a word the schema does not know: as is
            i = close + 1;
        }
    }
    out.append(text.data() + i, text.size() - i);
}

void decode_event_text(std::string& out, std::string_view encoded) {
    const dictionary& d = words();
    std::size_t run = 0;
    for (std::size_t i = next_code(encoded, 0); i < encoded.size(); i = next_code(encoded, run)) {
        out.append(encoded.data() + run, i - run);
        const auto c = static_cast<unsigned char>(encoded[i]);
        std::size_t code = c - 1u;
        run = i + 1;
        if (c == timestamp_code || c == date_code) {
            const bool timestamp = c == timestamp_code;
            const std::size_t bytes = timestamp ? timestamp_bytes : date_bytes;
            if (encoded.size() - run < bytes) break;  // not written by encode_event_text
            put_unpacked(out, encoded.data() + run, timestamp ? timestamp_form : date_form, bytes);
            run += bytes;
            continue;
        }
        if (c == two_byte_code && run < encoded.size()) code = one_byte_codes + static_cast<unsigned char>(encoded[run++]);
        if (code < d.size()) out += d.word(code);
    }
    out.append(encoded.data() + run, encoded.size() - run);
}

}  // namespace ocop::detail
