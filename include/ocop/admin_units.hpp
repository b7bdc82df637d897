#pragma once
/// @file admin_units.hpp
/// A province's administrative units as a campaign lists them ("đơn vị hành chính"): districts and
/// communes before the 2025 reorganisation (a commune names its district as parent), communes and
/// wards directly under the province after it (no parent). A registration's district and commune
/// are checked against the list after Unicode NFC normalisation, and stored as the list names them,
/// so that reports group one unit in one row (docs/workflow.md, "Administrative units").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/enum_text.hpp"

namespace ocop {

/// The kinds of administrative units below the province (Luật Tổ chức chính quyền địa phương:
/// district level to 2025, commune level). Their Vietnamese names ("huyện", "phường", ...) are the
/// labels "unit_kind.<id>" of the message catalogue, and the prefixes a name may carry ("Huyện Ba Vì").
enum class unit_kind {
    urban_district,   ///< quận
    rural_district,   ///< huyện
    town,             ///< thị xã
    provincial_city,  ///< thành phố thuộc tỉnh (or thuộc thành phố trực thuộc trung ương)
    commune,          ///< xã
    ward,             ///< phường
    township,         ///< thị trấn (to 2025)
    special_zone,     ///< đặc khu (from 2025)
};
BOOST_DESCRIBE_ENUM(unit_kind, urban_district, rural_district, town, provincial_city, commune, ward, township, special_zone)

/// Whether units of this kind are communes, wards, townships or special zones (the commune level).
bool is_commune_level(unit_kind k) noexcept;

/// One unit of a campaign's list.
struct admin_unit {
    std::string id;    ///< the campaign's own id of the unit ("ba-vi"), unique in the list
    std::string name;  ///< its name without its kind ("Ba Vì"), as reports print it
    unit_kind kind = unit_kind::rural_district;
    std::optional<std::string> parent;  ///< the id of the district it belongs to; none: directly under the province
};
BOOST_DESCRIBE_STRUCT(admin_unit, (), (id, name, kind, parent))

/// The unit of `units` directly under `parent` (nullptr: under the province) that `written` names:
/// its name, or its kind and name ("Huyện Ba Vì"), after NFC normalisation, ignoring case and
/// spaces. Returns nullptr when none does; throws error(errc::invalid_document) at `path` when two
/// units of different kinds share the name and `written` does not say which.
const admin_unit* find_unit(const std::vector<admin_unit>& units, const admin_unit* parent, std::string_view written,
                            const std::string& path);

/// The unit of `units` under `parent` whose name is closest to `written` with accents ignored (an
/// edit distance of at most a third of its length, at least 2), for "did you mean" messages.
const admin_unit* closest_unit(const std::vector<admin_unit>& units, const admin_unit* parent, std::string_view written);

/// "huyện Ba Vì": the unit's kind in Vietnamese, then its name.
std::string unit_title(const admin_unit& u);

}  // namespace ocop
