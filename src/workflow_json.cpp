// Events and dossier states as JSON; timestamps; council payloads from council results.

#include <boost/mp11/algorithm.hpp>

#include "ocop/detail/described_json.hpp"
#include "ocop/workflow.hpp"

namespace ocop {

namespace json = boost::json;

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
    if (from + n > s.size()) return false;
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

}  // namespace

std::optional<timestamp_parts> parse_timestamp(std::string_view t) {
    // YYYY-MM-DDTHH:MM:SS[.f+](Z|+HH:MM|-HH:MM)
    if (t.size() < 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':') return std::nullopt;
    auto day = date::parse(t.substr(0, 10));
    int hh = 0, mm = 0, ss = 0;
    if (!day || !digits(t, 11, 2, hh) || !digits(t, 14, 2, mm) || !digits(t, 17, 2, ss)) return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    std::size_t i = 19;
    if (i < t.size() && t[i] == '.') {
        std::size_t start = ++i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == start) return std::nullopt;
    }
    int offset = 0;
    if (i + 1 == t.size() && t[i] == 'Z') {
        offset = 0;
    } else if (i + 6 == t.size() && (t[i] == '+' || t[i] == '-') && t[i + 3] == ':') {
        int oh = 0, om = 0;
        if (!digits(t, i + 1, 2, oh) || !digits(t, i + 4, 2, om) || oh > 14 || om > 59) return std::nullopt;
        offset = (oh * 60 + om) * 60 * (t[i] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    timestamp_parts out;
    out.day = *day;
    out.utc_seconds = day->days_since_epoch() * 86400 + hh * 3600 + mm * 60 + ss - offset;
    return out;
}

council_payload council_payload_from(const council_result& result, int round) {
    council_payload p;
    p.round = round;
    p.mean = result.mean;
    p.stars = result.stars;
    p.members = static_cast<int>(result.members.size());
    return p;
}

const council_record* dossier_state::last_result(std::string_view level_id) const noexcept {
    for (auto it = results.rbegin(); it != results.rend(); ++it)
        if (it->level == level_id) return &*it;
    return nullptr;
}

json::value to_json(const event& e) {
    // The canonical form: keys in this order, payload members in declaration order.
    json::object o;
    o["type"] = std::string(detail::enum_name(e.type()));
    o["dossier"] = e.dossier;
    o["actor"] = e.actor;
    o["role"] = std::string(detail::enum_name(e.actor_role));
    o["at"] = e.at;
    o["payload"] = std::visit([](const auto& p) { return detail::write_json(p); }, e.payload);
    o["reason"] = e.reason;
    return o;
}

event event_from_json(const json::value& v, const std::string& path) {
    problem_list p;
    event e;
    {
        detail::object_reader r(v, path, p);
        if (r.is_object()) {
            event_type type = detail::read_enum(r, "type", event_type::registered);
            bool type_ok = p.empty();
            e.dossier = r.string("dossier");
            e.actor = r.string("actor");
            e.actor_role = detail::read_enum(r, "role", role::subject);
            e.at = r.string("at");
            if (!e.at.empty() && !parse_timestamp(e.at))
                r.report("at", "expected an ISO 8601 timestamp with zone \"YYYY-MM-DDTHH:MM:SS+07:00\", found \"" + e.at + "\"");
            e.reason = r.string("reason");
            const json::value* payload = r.value("payload");
            if (payload && type_ok) {
                boost::mp11::mp_with_index<std::variant_size_v<event_payload>>(static_cast<std::size_t>(type), [&](auto I) {
                    std::variant_alternative_t<I, event_payload> x{};
                    detail::read_json(*payload, r.path_of("payload"), p, x);
                    e.payload = std::move(x);
                });
            }
        }
    }
    p.throw_if_any(errc::invalid_document);
    return e;
}

event parse_event(std::string_view json_text) { return event_from_json(detail::parse_json(json_text)); }

json::value to_json(const dossier_state& s) { return detail::write_json(s); }

dossier_state parse_state(std::string_view json_text) { return detail::parse_described<dossier_state>(json_text); }

}  // namespace ocop
