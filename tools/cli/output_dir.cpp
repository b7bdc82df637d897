#include "output_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "ocop/error.hpp"

namespace ocop::cli {

namespace fs = std::filesystem;

void prepare_empty_directory(const std::string& dir) {
    std::error_code ec;
    const auto status = fs::symlink_status(dir, ec);
    if (fs::exists(status) && !fs::is_directory(status))
        throw error(errc::invalid_document, "", dir + " already exists and is not a directory: refusing to overwrite it");
    if (fs::is_directory(status)) {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir, ec)) names.push_back(entry.path().filename().string());
        if (ec) throw error(errc::io, "", "cannot list " + dir + ": " + ec.message());
        if (names.empty()) return;
        std::sort(names.begin(), names.end());
        std::string listed;
        for (std::size_t i = 0; i < names.size() && i < 5; ++i) listed += (i ? ", " : "") + names[i];
        if (names.size() > 5) listed += ", ... (" + std::to_string(names.size()) + " entries)";
        throw error(errc::invalid_document, "", dir + " is not empty (it holds " + listed +
                                                    "): refusing to overwrite it; name an empty or new directory");
    }
    fs::create_directories(dir, ec);
    if (ec) throw error(errc::io, "", "cannot create " + dir + ": " + ec.message());
}

}  // namespace ocop::cli
