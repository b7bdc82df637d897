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
    char bytes[2];
    out.append(bytes, code_of(code, bytes));
}

/// Dates and timestamps, a 25-byte part of every event, are kept as their two-digit pairs (each
/// 0..99, so any digits come back as they were) in one number: base 100, then the zone's sign.
constexpr std::string_view date_form = "\"0000-00-00\"";
constexpr std::string_view timestamp_form = "\"0000-00-00T00:00:00+00:00\"";
static_assert(timestamp_form.size() == max_unpacked);

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

/// The positions of the digit pairs of a form, most significant first (every field has an even
/// number of digits).
template <std::size_t Pairs>
constexpr std::array<std::uint8_t, Pairs> pair_positions(std::string_view form) {
    std::array<std::uint8_t, Pairs> out{};
    std::size_t n = 0;
    for (std::size_t i = 0; i + 1 < form.size(); ++i)
        if (form[i] == '0') {
            out[n++] = static_cast<std::uint8_t>(i);
            ++i;
        }
    return out;
}
constexpr auto date_pairs = pair_positions<4>(date_form);
constexpr auto timestamp_pairs = pair_positions<9>(timestamp_form);

/// "00" to "99".
constexpr std::array<char, 200> two_digits = [] {
    std::array<char, 200> out{};
    for (std::size_t i = 0; i < 100; ++i) {
        out[2 * i] = static_cast<char>('0' + i / 10);
        out[2 * i + 1] = static_cast<char>('0' + i % 10);
    }
    return out;
}();

/// The number packed in `bytes` little-endian bytes at `in`.
std::uint64_t packed_value(const char* in, std::size_t bytes) noexcept {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    return v;
}

/// Writes the text of `form` with digit pairs `v` (base 100, the last pair lowest) to `text`, and
/// each pair, most significant first, to `pairs_out` when given.
template <std::size_t Pairs>
void unpack(char* text, std::uint64_t v, std::string_view form, const std::array<std::uint8_t, Pairs>& positions,
            std::array<int, Pairs>* pairs_out = nullptr) {
    std::memcpy(text, form.data(), form.size());
    for (std::size_t k = Pairs; k-- > 0;) {
        const auto pair = static_cast<std::size_t>(v % 100);
        std::memcpy(text + positions[k], two_digits.data() + 2 * pair, 2);
        if (pairs_out) (*pairs_out)[k] = static_cast<int>(pair);
        v /= 100;
    }
}

constexpr std::size_t zone_sign_at = 20;  // in timestamp_form
static_assert(timestamp_form[zone_sign_at] == '+');

/// The digit pairs of a packed timestamp at `in` (8 bytes), and its zone's sign.
std::uint64_t timestamp_value(const char* in, bool& minus) noexcept {
    const std::uint64_t v = packed_value(in, 8);
    minus = v & 1;
    return v / 2;
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

bool unpack_timestamp(const char*& p, const char* end, char (&text)[max_unpacked], timestamp_fields& fields) noexcept {
    if (static_cast<std::size_t>(end - p) <= timestamp_bytes) return false;
    bool minus = false;
    std::array<int, timestamp_pairs.size()> pairs;
    unpack(text, timestamp_value(p + 1, minus), timestamp_form, timestamp_pairs, &pairs);
    text[zone_sign_at] = minus ? '-' : '+';
    fields.year = pairs[0] * 100 + pairs[1];
    fields.month = static_cast<unsigned>(pairs[2]);
    fields.day = static_cast<unsigned>(pairs[3]);
    fields.hour = pairs[4];
    fields.minute = pairs[5];
    fields.second = pairs[6];
    fields.zone_minus = minus;
    fields.zone_hours = pairs[7];
    fields.zone_minutes = pairs[8];
    p += 1 + timestamp_bytes;
    return true;
}

std::size_t word_index(std::string_view word) noexcept {
    const std::size_t index = words().find(word);
    return index == std::string_view::npos ? max_words : index;
}

namespace {

/// decode_code with the dictionary at hand (decode_event_text looks it up once per text).
bool decode_one(const dictionary& d, const char*& p, const char* end, std::string_view& text, char (&buffer)[max_unpacked]) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == timestamp_code || c == date_code) {
        const bool timestamp = c == timestamp_code;
        const std::size_t bytes = timestamp ? timestamp_bytes : date_bytes;
        if (static_cast<std::size_t>(end - p) <= bytes) return false;
        if (timestamp) {
            bool minus = false;
            unpack(buffer, timestamp_value(p + 1, minus), timestamp_form, timestamp_pairs);
            buffer[zone_sign_at] = minus ? '-' : '+';
        } else {
            unpack(buffer, packed_value(p + 1, date_bytes), date_form, date_pairs);
        }
        text = std::string_view(buffer, timestamp ? timestamp_form.size() : date_form.size());
        p += 1 + bytes;
        return true;
    }
    const char* q = p;
    std::size_t code = 0;
    if (!word_index_at(q, end, code) || code >= d.size()) return false;
    text = d.word(code);
    p = q;
    return true;
}

}  // namespace

bool decode_code(const char*& p, const char* end, std::string_view& text, char (&buffer)[max_unpacked]) {
    return decode_one(words(), p, end, text, buffer);
}

void decode_event_text(std::string& out, std::string_view encoded) {
    const dictionary& d = words();
    const char* const end = encoded.data() + encoded.size();
    std::size_t run = 0;
    for (std::size_t i = next_code(encoded, 0); i < encoded.size(); i = next_code(encoded, run)) {
        out.append(encoded.data() + run, i - run);
        const char* p = encoded.data() + i;
        char buffer[max_unpacked];
        std::string_view text;
        if (decode_one(d, p, end, text, buffer)) {
            out += text;
            run = static_cast<std::size_t>(p - encoded.data());
        } else if (static_cast<unsigned char>(*p) == date_code || static_cast<unsigned char>(*p) == timestamp_code) {
            run = i + 1;
            break;  // cut short: not written by encode_event_text
        } else {
            run = i + (static_cast<unsigned char>(*p) == two_byte_code && i + 1 < encoded.size() ? 2 : 1);  // an unknown code: skipped
        }
    }
    out.append(encoded.data() + run, encoded.size() - run);
}

}  // namespace ocop::detail
