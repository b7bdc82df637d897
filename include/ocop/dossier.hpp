#pragma once
/// @file dossier.hpp
/// A product's dossier ("hồ sơ"): the product, its subject ("chủ thể"), where it comes from, its
/// product set, and the documents handed in, checked against an edition's checklist.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/catalog.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/error.hpp"

namespace ocop {

/// The kinds of subjects that may register products (1048/QĐ-TTg, Phụ lục II).
enum class subject_kind {
    enterprise,         ///< doanh nghiệp
    cooperative,        ///< hợp tác xã
    cooperative_group,  ///< tổ hợp tác
    household,          ///< hộ sản xuất có đăng ký kinh doanh
};
BOOST_DESCRIBE_ENUM(subject_kind, enterprise, cooperative, cooperative_group, household)

/// The producer ("chủ thể") behind a product.
struct subject_info {
    std::string name;
    subject_kind kind = subject_kind::enterprise;
};
BOOST_DESCRIBE_STRUCT(subject_info, (), (name, kind))

/// A registration dossier. `id` is the host's unique key for the dossier in a log.
struct dossier {
    std::string id;
    std::string product_name;
    std::optional<std::string> product_code;  ///< official pattern province-district-sequence-year
    subject_info subject;
    std::string province;
    std::string district;
    std::optional<std::string> commune;
    std::string industry;            ///< industry id of the classification ("food")
    std::optional<std::string> set;  ///< product set id, checked against the edition when it has a catalog
    std::vector<std::string> documents;  ///< ids of the documents handed in ("doc-01", ...)
};
BOOST_DESCRIBE_STRUCT(dossier, (), (id, product_name, product_code, subject, province, district, commune, industry,
                                    set, documents))

/// The required documents of `checklist` that `handed_in` lacks, in checklist order.
std::vector<const dossier_document*> missing_required(const std::vector<dossier_document>& checklist,
                                                      const std::vector<std::string>& handed_in);

/// Checks a product code against the official pattern "<province>-<district>-<sequence>-<year>":
/// province and district 1-6 upper-case letters or digits, sequence 1-6 digits, year 4 digits.
/// Returns "" when it matches, else what is wrong.
std::string check_product_code(std::string_view code);

/// Checks a dossier against an edition that has a catalog: the industry is one of its
/// classification, the set exists and belongs to that industry, every document id is on its
/// checklist. Adds problems under `path`.
void check_dossier(const dossier& d, const edition& ed, const std::string& path, problem_list& problems);

}  // namespace ocop
