#pragma once
/// @file procedure.hpp
/// The evaluation procedure ("quy trình đánh giá, phân hạng") of an edition, as data: the levels a
/// dossier passes through, what each level recognises, when it forwards, and which roles may apply
/// which events there. Code holds the mechanism (workflow.hpp); the law's numbers live here.
/// Immutable once loaded; safe to share read-only across threads.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/date.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/precheck.hpp"

namespace ocop {

/// Who applies an event. Each procedure level lists, per event, the roles allowed there.
enum class role {
    subject,                     ///< the producer ("chủ thể"): enterprise, cooperative, group, household
    commune_people_committee,    ///< UBND cấp xã (1489: pre-checks the dossier)
    district_office,             ///< district economic office ("phòng Kinh tế"), receives dossiers
    district_council,            ///< district OCOP council ("hội đồng cấp huyện")
    district_people_committee,   ///< UBND cấp huyện
    coordination_office,         ///< provincial NTM coordination office ("văn phòng điều phối")
    advisory_group,              ///< advisory group of the provincial council ("tổ tư vấn")
    province_council,            ///< provincial OCOP council ("hội đồng cấp tỉnh")
    province_people_committee,   ///< UBND cấp tỉnh
    central_council,             ///< central OCOP council ("hội đồng cấp trung ương")
    ministry,                    ///< the ministry in charge (MARD; from 2025 Agriculture and Environment)
    council_member,              ///< one member of the council of the dossier's level: records their own scorecard
    council_secretary,           ///< the council's secretary ("thư ký hội đồng"): records any member's scorecard
};
BOOST_DESCRIBE_ENUM(role, subject, commune_people_committee, district_office, district_council,
                    district_people_committee, coordination_office, advisory_group, province_council,
                    province_people_committee, central_council, ministry, council_member, council_secretary)

/// The kinds of workflow events. Their payloads are in workflow.hpp (same order).
enum class event_type {
    registered,            ///< a dossier is created (or re-created for a new cycle)
    submitted,             ///< the dossier is handed in; every required document must be present
    precheck_result,       ///< the commune's pre-check (1489; 26/2026 Điều 7.2)
    appraisal_result,      ///< the dossier appraisal before the council (accepted or returned)
    completion_requested,  ///< after a council round: what the subject must complete
    completion_submitted,  ///< the subject hands in what was asked (after a return or a request)
    council_result,        ///< a council round's result: exact mean and stars
    forwarded,             ///< sent to the next level (district → province, province → central)
    closed,                ///< ends at this level with its star rank (not forwarded)
    recognition_proposed,  ///< proposed for recognition with a number of stars
    not_recognised,        ///< the level does not recognise the product
    decision_recorded,     ///< the recognition decision: number, date, signer
    certificate_issued,    ///< the certificate: number, issue date (expiry computed)
    withdrawn,             ///< withdrawn by the subject before the decision
    certificate_expired,   ///< the certificate's validity ended; re-evaluation is a new cycle
    scorecard_recorded,    ///< one council member's scorecard for the open round (council_result computes from them)
};
BOOST_DESCRIBE_ENUM(event_type, registered, submitted, precheck_result, appraisal_result, completion_requested,
                    completion_submitted, council_result, forwarded, closed, recognition_proposed, not_recognised,
                    decision_recorded, certificate_issued, withdrawn, certificate_expired, scorecard_recorded)

/// Where a dossier stands at its current level.
enum class phase {
    draft,                 ///< registered, not yet submitted
    submitted,             ///< handed in at the current level, waiting for its pre-check, appraisal or council
    returned,              ///< the appraisal returned it for completion
    awaiting_council,      ///< appraised (or completed) and waiting for the next council round
    prechecked,            ///< the commune's pre-check passed; may be forwarded
    evaluated,             ///< a council round is done
    completion_requested,  ///< the council asked for completion before the next round
    proposed,              ///< proposed for recognition, waiting for the decision
    decided,               ///< the decision is recorded, waiting for the certificate
    certified,             ///< recognised and certified (may still be forwarded as a candidate)
    closed,                ///< ended at this level with its star rank (or a failed pre-check)
    not_recognised,        ///< the level did not recognise it (an earlier recognition stays)
    withdrawn,             ///< withdrawn by the subject
    expired,               ///< the certificate expired; re-evaluation starts a new cycle
};
BOOST_DESCRIBE_ENUM(phase, draft, submitted, returned, awaiting_council, prechecked, evaluated, completion_requested,
                    proposed, decided, certified, closed, not_recognised, withdrawn, expired)

/// Which roles may apply one event at one level, and the legal source that says so.
struct event_rule {
    event_type type = event_type::registered;
    std::vector<role> roles;
    std::string source;
};
BOOST_DESCRIBE_STRUCT(event_rule, (), (type, roles, source))

/// One level of government in a procedure.
struct procedure_level {
    std::string id;    ///< "commune", "district", "province", "central"
    std::string name;  ///< "Cấp huyện"
    bool precheck = false;   ///< the level pre-checks the dossier instead of scoring it (1489 commune)
    bool appraisal = false;  ///< the dossier is appraised before the council (province)
    int min_rounds = 0;      ///< council rounds needed before a recognition, close or forward
    int max_rounds = 0;      ///< council rounds allowed (0 at a pre-check level)
    std::vector<int> recognises;               ///< star ranks this level recognises
    std::optional<std::string> forwards_to;    ///< the next level, if any
    std::optional<int> forwards_at_least;      ///< mean needed to forward (none: no threshold)
    std::vector<phase> forward_from;           ///< phases from which forwarding is allowed
    std::string source;                        ///< short legal source of the level's rules
    std::optional<std::string> note;
    std::vector<event_rule> events;            ///< the events allowed at this level, with roles
    /// The contents a pre-check level must assess, each answered by every precheck_result (precheck.hpp).
    std::optional<std::vector<precheck_content>> precheck_contents;

    /// The rule for `t` at this level, or nullptr when the event is not part of this level.
    const event_rule* find_rule(event_type t) const noexcept;
    /// Where a product whose exact mean is numerator/denominator may be forwarded from this level:
    /// `forwards_to` when the level forwards and the mean reaches `forwards_at_least` (no threshold:
    /// any mean); none otherwise. Precondition: denominator > 0.
    std::optional<std::string> forward_target(std::int64_t numerator, std::int64_t denominator) const;
};
BOOST_DESCRIBE_STRUCT(procedure_level, (), (id, name, precheck, appraisal, min_rounds, max_rounds, recognises,
                                            forwards_to, forwards_at_least, forward_from, source, note, events,
                                            precheck_contents))

/// A required document that some industries need not hand in (samples for services).
struct document_exemption {
    std::string document;                 ///< a document id of the checklist ("doc-05")
    std::vector<std::string> industries;  ///< industries exempted ("rural_tourism_and_sales")
    std::string source;
};
BOOST_DESCRIBE_STRUCT(document_exemption, (), (document, industries, source))

/// How dossiers pinned to a replaced procedure finish after its successor takes effect
/// (26/2026/QĐ-TTg, Điều 12 khoản 2; see transition.hpp and docs/workflow.md).
struct transition_rule {
    std::string successor;         ///< the edition that replaced this one ("26-2026")
    date from;                     ///< the successor's first day: day 1 of the periods below
    int finish_within_days = 0;    ///< a first rating or an upgrade finishes within this many days (60)
    int rerating_within_days = 0;  ///< a re-rating (a dossier of cycle 2 or later) within this many (30)
    event_type filed_with = event_type::submitted;  ///< filing: only dossiers filed before `from` may finish
    std::vector<event_type> allowed_after;          ///< events still accepted after the deadline
    std::string source;
    std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(transition_rule, (), (successor, from, finish_within_days, rerating_within_days, filed_with, allowed_after,
                                            source, note))

/// The procedure of one edition. Levels are in order: dossiers are registered at the first one.
struct procedure {
    std::string edition;  ///< "1048-781", "148", "148-1489"
    std::string name;
    date valid_from;
    std::optional<date> valid_until;  ///< inclusive; none: still in force
    std::optional<date> lapses_on;    ///< the day the edition lapses; caps the transition's deadline
    std::optional<transition_rule> transition;  ///< how its dossiers finish once a successor took effect
    std::vector<std::string> legal_basis;
    std::string confidence;  ///< "firm", "one_source" or "open": how sure the data is (docs/workflow.md)
    /// The edition whose dossier checklist applies (ocop::edition::dossier_documents); none when the
    /// checklist of this edition is not available (then submission cannot check documents: see documents_note).
    std::optional<std::string> documents_edition;
    std::string documents_source;
    std::optional<std::string> documents_note;
    std::vector<document_exemption> document_exemptions;
    int certificate_validity_months = 0;
    std::string certificate_source;
    std::vector<procedure_level> levels;

    bool in_force_on(date d) const noexcept;
    const procedure_level* find_level(std::string_view id) const noexcept;
    const procedure_level& first_level() const { return levels.front(); }
    /// The first level (in order) whose `recognises` lists `stars`, or nullptr: who may recognise a
    /// product of that rank under this procedure.
    const procedure_level* recognising_level(int stars) const noexcept;
};
BOOST_DESCRIBE_STRUCT(procedure, (), (edition, name, valid_from, valid_until, lapses_on, transition, legal_basis, confidence, documents_edition,
                                      documents_source, documents_note, document_exemptions, certificate_validity_months, certificate_source,
                                      levels))

/// A set of procedures, one per edition.
class procedure_library {
public:
    procedure_library() = default;
    /// Throws error(errc::invalid_document) for two procedures of one edition, or for two whose
    /// validity dates overlap (exactly one procedure is in force on a date).
    explicit procedure_library(std::vector<procedure> items);

    const std::vector<procedure>& items() const noexcept { return items_; }
    /// Throws error(errc::not_found) naming the edition.
    const procedure& get(std::string_view edition_id) const;
    /// The procedure in force on `d`; throws error(errc::no_edition_in_force) when there is none.
    const procedure& in_force(date d) const;

private:
    std::vector<procedure> items_;
};

/// The procedures shipped with the library (src/data/procedures): 1048-781, 148, 148-1489, 26-2026.
/// Parsed once on first use, thread-safe.
const procedure_library& embedded_procedures();

}  // namespace ocop
