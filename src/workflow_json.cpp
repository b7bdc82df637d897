// Events and dossier states as JSON; council payloads from council results.

#include <type_traits>

#include <boost/mp11/algorithm.hpp>

#include "ocop/detail/canonical_read.hpp"
#include "ocop/detail/canonical_text.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/detail/timestamp_fields.hpp"
#include "ocop/scoring_json.hpp"
#include "ocop/workflow.hpp"
#include "ocop/workflow_json.hpp"

namespace ocop {

namespace json = boost::json;

council_payload council_payload_from(const council_result& result, int round) {
    council_payload p;
    p.round = round;
    p.mean = result.mean;
    p.stars = result.stars;
    p.members = static_cast<int>(result.members.size());
    return p;
}

namespace {

/// A payload's canonical JSON: described members in order; a scorecard payload holds a scorecard
/// in its own JSON (scoring_json.hpp).
template <class Payload>
json::value payload_json(const Payload& p) {
    if constexpr (std::is_same_v<Payload, scorecard_payload>)
        return json::object{{"level", p.level}, {"round", p.round}, {"scorecard", to_json(p.scorecard)}};
    else return detail::write_json(p);
}

void read_payload(const json::value& v, const std::string& path, problem_list& p, scorecard_payload& out) {
    detail::object_reader r(v, path, p);
    if (!r.is_object()) return;
    detail::read_member(r, "level", p, out.level);
    detail::read_member(r, "round", p, out.round);
    if (const json::value* card = r.value("scorecard")) {
        try {
            out.scorecard = scorecard_from_json(*card, r.path_of("scorecard"));
        } catch (const error& e) {
            p.add_all(e);
        }
    }
}

template <class Payload>
void read_payload(const json::value& v, const std::string& path, problem_list& p, Payload& out) {
    detail::read_json(v, path, p, out);
}

}  // namespace

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
    o["payload"] = std::visit([](const auto& p) { return payload_json(p); }, e.payload);
    o["reason"] = e.reason;
    return o;
}

std::string canonical_json(const event& e) {
    // The keys and order of to_json(event) above, written in a buffer the thread reuses and
    // returned at its exact size (a log keeps the text as long as it lives).
    thread_local std::string out;
    out.clear();
    out += "{\"type\":";
    detail::append_json_string(out, detail::enum_name(e.type()));
    out += ",\"dossier\":";
    detail::append_json_string(out, e.dossier);
    out += ",\"actor\":";
    detail::append_json_string(out, e.actor);
    out += ",\"role\":";
    detail::append_json_string(out, detail::enum_name(e.actor_role));
    out += ",\"at\":";
    detail::append_json_string(out, e.at);
    out += ",\"payload\":";
    std::visit(
        [&](const auto& p) {
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(p)>, scorecard_payload>) {
                // The keys and order of payload_json(scorecard_payload) above.
                out += "{\"level\":";
                detail::append_json_string(out, p.level);
                out += ",\"round\":";
                detail::append_json_integer(out, p.round);
                out += ",\"scorecard\":";
                detail::append_canonical_scorecard(out, p.scorecard);
                out += '}';
            } else {
                detail::append_canonical(out, p);
            }
        },
        e.payload);
    out += ",\"reason\":";
    detail::append_json_string(out, e.reason);
    out += '}';
    return std::string(out);
}

std::string canonical_json(const dossier_state& s) {
    thread_local std::string out;
    out.clear();
    detail::append_canonical(out, s);
    return std::string(out);
}

event event_from_json(const json::value& v, const std::string& path) {
    problem_list p;
    event e;
    {
        detail::object_reader r(v, path, p);
        if (r.is_object()) {
            event_type type = event_type::registered;
            detail::read_member(r, "type", p, type);
            bool type_ok = p.empty();
            detail::read_member(r, "dossier", p, e.dossier);
            detail::read_member(r, "actor", p, e.actor);
            detail::read_member(r, "role", p, e.actor_role);
            detail::read_member(r, "at", p, e.at);
            if (!e.at.empty() && !parse_timestamp(e.at))
                r.report("at", detail::not_a_timestamp(e.at));
            detail::read_member(r, "reason", p, e.reason);
            const json::value* payload = r.value("payload");
            if (payload && type_ok) {
                boost::mp11::mp_with_index<std::variant_size_v<event_payload>>(static_cast<std::size_t>(type), [&](auto I) {
                    std::variant_alternative_t<I, event_payload> x{};
                    read_payload(*payload, r.path_of("payload"), p, x);
                    e.payload = std::move(x);
                });
            }
        }
    }
    p.throw_if_any(errc::invalid_document);
    return e;
}

namespace {

/// The keys of an event and of a scorecard payload, in the order canonical_json(event) writes them.
struct event_keys {
    detail::schema_key type{"type"}, dossier{"dossier"}, actor{"actor"}, role{"role"}, at{"at"}, payload{"payload"}, reason{"reason"};
    detail::schema_key level{"level"}, round{"round"}, scorecard{"scorecard"};
};

const event_keys& keys() {
    static const event_keys k;
    return k;
}

/// `,` then `key`.
template <class Cursor>
bool next_key(Cursor& in, const detail::schema_key& key) {
    return in.literal(',') && in.key(key);
}

/// read_canonical_event with either cursor: the keys and order of canonical_json(event) above.
template <class Cursor>
bool read_event(Cursor& in, event& out, timestamp_parts* at) {
    const event_keys& k = keys();
    event_type type = event_type::registered;
    if (!in.literal('{') || !in.key(k.type) || !detail::read_canonical(in, type)) return false;
    if (!next_key(in, k.dossier) || !detail::read_canonical(in, out.dossier)) return false;
    if (!next_key(in, k.actor) || !detail::read_canonical(in, out.actor)) return false;
    if (!next_key(in, k.role) || !detail::read_canonical(in, out.actor_role)) return false;
    timestamp_parts ts;
    if (!next_key(in, k.at) || !in.timestamp(out.at, ts)) return false;
    if (at) *at = ts;
    if (!next_key(in, k.payload)) return false;
    bool ok = false;
    boost::mp11::mp_with_index<std::variant_size_v<event_payload>>(static_cast<std::size_t>(type), [&](auto I) {
        using payload_type = std::variant_alternative_t<I, event_payload>;
        // A scorecard read into the scorecard of the event read before keeps its answers' nodes
        // (read_canonical_scorecard overwrites every member); any other payload is made anew.
        auto& payload = std::is_same_v<payload_type, scorecard_payload> && out.payload.index() == I ? std::get<I>(out.payload)
                                                                                                 : out.payload.template emplace<I>();
        if constexpr (std::is_same_v<payload_type, scorecard_payload>)
            ok = in.literal('{') && in.key(k.level) && detail::read_canonical(in, payload.level) && next_key(in, k.round) &&
                 detail::read_canonical(in, payload.round) && next_key(in, k.scorecard) &&
                 detail::read_canonical_scorecard(in, payload.scorecard) && in.literal('}');
        else ok = detail::read_canonical(in, payload);
    });
    return ok && next_key(in, k.reason) && detail::read_canonical(in, out.reason) && in.literal('}') && in.done();
}

}  // namespace

bool detail::read_canonical_event(std::string_view text, event& out, timestamp_parts* at) {
    canonical_cursor in(text);
    return read_event(in, out, at);
}

bool detail::read_coded_event(std::string_view coded, event& out, timestamp_parts* at) {
    coded_cursor in(coded);
    return read_event(in, out, at);
}

event parse_event(std::string_view json_text) { return event_from_json(detail::parse_json(json_text)); }

json::value to_json(const dossier_state& s) { return detail::write_json(s); }

dossier_state parse_state(std::string_view json_text) { return detail::parse_described<dossier_state>(json_text); }

}  // namespace ocop
