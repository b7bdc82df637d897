#include "cli.hpp"

#include "language.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <istream>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>

namespace ocop::cli {

args::args(std::vector<std::string> argv, const std::set<std::string>& flags, const std::set<std::string>& options,
           std::size_t max_positionals) {
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() >= 2 && a[0] == '-' && a[1] != '-')  // "-" alone is standard input
            throw usage_error("unknown option " + a + (a.size() > 2 ? " (long options take two dashes: -" + a + ")" : ""));
        if (a.size() < 3 || a.rfind("--", 0) != 0) {
            if (positional_.size() == max_positionals)
                throw usage_error("unexpected argument \"" + a + "\" (this command takes " + std::to_string(max_positionals) +
                                  (max_positionals == 1 ? " argument)" : " arguments)"));
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        bool inline_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inline_value = true;
        }
        if (flags.contains(name) && !inline_value) flags_.insert(name);
        else if (options.contains(name)) {
            if (!inline_value) {
                if (i + 1 >= argv.size()) throw usage_error("option --" + name + " needs a value");
                value = argv[++i];
            }
            options_[name] = value;
        } else {
            throw usage_error("unknown option --" + name);
        }
    }
}

std::optional<std::string> args::option(const std::string& name) const {
    auto it = options_.find(name);
    return it == options_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

void args::exclusive(std::initializer_list<const char*> names) const {
    std::string given;
    for (const char* n : names) {
        if (!flags_.contains(n) && !options_.contains(n)) continue;
        if (!given.empty()) throw usage_error("--" + given + " and --" + n + " cannot be used together");
        given = n;
    }
}

const std::string& args::at(std::size_t i, const char* what) const {
    if (i >= positional_.size()) throw usage_error(std::string("missing ") + what);
    return positional_[i];
}

int exit_code_for(const ocop::error& e) {
    switch (e.code()) {
        case errc::not_found:
        case errc::no_edition_in_force: return exit_not_found;
        case errc::io: return exit_io;
        case errc::tampered: return exit_tampered;
        default: return exit_invalid;
    }
}

void print_error(std::ostream& err, const ocop::error& e, const std::string& file) {
    std::string prefix = file.empty() ? "error: " : "error: " + file + ": ";
    if (e.problems().empty()) err << prefix << e.what() << '\n';
    for (const auto& p : e.problems()) err << prefix << (p.path.empty() ? "" : p.path + ": ") << p.message << '\n';
}

std::size_t max_document_bytes() {
    const char* set = std::getenv("OCOP_MAX_DOCUMENT_BYTES");
    if (!set || !*set) return default_max_document_bytes;
    char* end = nullptr;
    errno = 0;
    const unsigned long long n = std::strtoull(set, &end, 10);
    if (errno || *end || n == 0 || set[0] == '-')
        throw usage_error("OCOP_MAX_DOCUMENT_BYTES expects a positive number of bytes, found \"" + std::string(set) + "\"");
    return static_cast<std::size_t>(n);
}

namespace {
constexpr std::size_t read_block_bytes = std::size_t{1} << 16;
}

bool append_block(std::istream& in, const std::string& name, std::string& text, std::size_t limit) {
    if (text.size() > limit)
        throw ocop::error(errc::invalid_document, "",
                          name + " is larger than the maximum document size, " + std::to_string(limit) +
                              " bytes (set OCOP_MAX_DOCUMENT_BYTES to change it)");
    if (!in) return false;  // the last read was short: the end
    const std::size_t old = text.size();
    const std::size_t want = std::min(read_block_bytes, limit + 1 - old);  // one byte past the limit at most
    text.resize(old + want);
    in.read(text.data() + old, static_cast<std::streamsize>(want));
    const auto got = static_cast<std::size_t>(in.gcount());
    text.resize(old + got);
    if (in.bad()) throw ocop::error(errc::io, "", "cannot read " + name);
    return got > 0;
}

std::ifstream open_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw ocop::error(errc::io, "", path + " is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ocop::error(errno == ENOENT ? errc::not_found : errc::io, "", "cannot open " + path + ": " + std::strerror(errno));
    return in;
}

void reserve_for_file(const std::string& path, std::string& text, std::size_t limit) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec) text.reserve(std::min<std::uintmax_t>(size, limit) + read_block_bytes);
}

std::string read_file(const std::string& path) {
    std::ifstream in = open_file(path);
    const std::size_t limit = max_document_bytes();
    std::string text;
    reserve_for_file(path, text, limit);
    while (append_block(in, path, text, limit)) {
    }
    return text;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.flush();
    if (!out) throw ocop::error(errc::io, "", "cannot write " + path);
}

const edition& choose_edition(const catalog& cat, const args& a) {
    a.exclusive({"edition", "date"});
    if (auto id = a.option("edition")) return cat.get(*id);
    if (auto d = a.option("date")) {
        auto day = date::parse(*d);
        if (!day) throw usage_error("--date expects YYYY-MM-DD, found \"" + *d + "\"");
        return cat.in_force(*day);
    }
    if (cat.editions().size() == 1) return cat.editions().front();
    std::string ids;
    for (const auto& e : cat.editions()) ids += (ids.empty() ? "" : ", ") + e.id;
    throw usage_error("several editions (" + ids + "): name one with --edition ID or --date YYYY-MM-DD");
}

std::string verification_name(verification_status s) { return label_or_id("verification", to_string(s)); }

std::string verification_text(const source_check& v) {
    std::string out = verification_name(v.status);
    for (std::size_t i = 0; i < v.sources.size(); ++i) out += (i ? "; " : " (") + v.sources[i];
    if (!v.sources.empty()) out += ")";
    if (!v.text.empty()) out += ": " + v.text;
    for (const auto& value : v.values) out += "\n    " + value.source + ": " + value.value;
    return out;
}

}  // namespace ocop::cli
