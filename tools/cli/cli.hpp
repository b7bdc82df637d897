#pragma once
// The pieces every command of the `ocop` tool shares: arguments, files, errors and exit codes.

#include <fstream>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ocop/catalog.hpp"
#include "ocop/error.hpp"
#include "ocop/workflow.hpp"

namespace ocop::cli {

/// Exit codes of the tool (docs/cli.md).
enum exit_code : int {
    exit_ok = 0,
    exit_invalid = 1,    ///< the input was read and is invalid, or an event was refused
    exit_usage = 2,      ///< unknown command or option, missing argument
    exit_not_found = 3,  ///< a file, edition, set or dossier that does not exist; no edition in force
    exit_io = 4,         ///< reading or writing failed
    exit_tampered = 5,   ///< an event log whose hash chain does not verify
};

/// A usage error: printed with the command's help hint, exit code 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Parsed command-line arguments: positionals, flags and options with values.
class args {
public:
    /// `flags` take no value; `options` take one ("--seed 7" or "--seed=7"); at most `max_positionals`
    /// other arguments. Unknown options, single-dash words ("-explain") and extra arguments throw usage_error.
    args(std::vector<std::string> argv, const std::set<std::string>& flags, const std::set<std::string>& options,
         std::size_t max_positionals);
    /// Throws usage_error when more than one of these flags or options was given.
    void exclusive(std::initializer_list<const char*> names) const;
    const std::vector<std::string>& positional() const noexcept { return positional_; }
    bool flag(const std::string& name) const { return flags_.contains(name); }
    std::optional<std::string> option(const std::string& name) const;
    /// The i-th positional argument; throws usage_error naming `what` when absent.
    const std::string& at(std::size_t i, const char* what) const;

private:
    std::vector<std::string> positional_;
    std::set<std::string> flags_;
    std::map<std::string, std::string> options_;
};

struct streams {
    std::ostream& out;
    std::ostream& err;
};

/// A command: its help text and its body. Bodies throw ocop::error / usage_error; main maps them.
struct command {
    std::string name;
    std::string summary;
    std::string help;
    std::function<int(const std::vector<std::string>&, streams&)> run;
};

std::vector<command> catalog_commands();
std::vector<command> scoring_commands();
std::vector<command> campaign_commands();
/// ocop campaign new (cmd_campaign_new.cpp).
command campaign_new_command();
std::vector<command> campaign_store_commands();
/// ocop analytics (cmd_analysis.cpp).
command analytics_command();
command campaign_analytics_command();
/// ocop council FILE --analysis: the consistency of the council in the document `text` (cmd_analysis.cpp).
int council_analysis_command(const std::string& text, const std::optional<std::string>& level, bool json, streams& io);
std::vector<command> demo_commands();
/// ocop advise (cmd_advise.cpp).
std::vector<command> advise_commands();

/// The exit code for an ocop::error.
int exit_code_for(const ocop::error& e);
/// Prints every problem of an error, one per line, as "error: PATH: MESSAGE".
void print_error(std::ostream& err, const ocop::error& e, const std::string& file = {});

/// The largest document a command reads (docs/cli.md): OCOP_MAX_DOCUMENT_BYTES, or 256 MiB.
inline constexpr std::size_t default_max_document_bytes = std::size_t{256} << 20;
std::size_t max_document_bytes();
/// Reads the next block of `in` (named `name` in messages) onto the end of `text`, never more than one
/// byte past `limit`; false at the end. Throws ocop::error(errc::invalid_document), before reading, when
/// `text` is already longer than `limit` bytes; errc::io when reading fails.
bool append_block(std::istream& in, const std::string& name, std::string& text, std::size_t limit);
/// Opens a file to read; throws ocop::error(errc::not_found or errc::io), errc::io for a directory.
std::ifstream open_file(const std::string& path);
/// Reserves room in `text` for the whole of the regular file `path` (up to `limit` bytes; nothing for
/// a device or a pipe), so that append_block reads it in place instead of growing the string.
void reserve_for_file(const std::string& path, std::string& text, std::size_t limit);
/// Reads a whole file (append_block with max_document_bytes()); throws as open_file and append_block.
std::string read_file(const std::string& path);
/// Writes (replacing) a whole file; throws ocop::error(errc::io).
void write_file(const std::string& path, const std::string& bytes);

/// The edition named by --edition, or in force on --date; with neither, the only edition of the
/// catalog (an error when there are several: no silent default).
const edition& choose_edition(const catalog& cat, const args& a);

/// The status in the output's language ("hai nguồn thống nhất", "two sources agree", ...).
std::string verification_name(verification_status s);
/// One line for a sheet's or a criterion's verification: its status, the sources behind the
/// shipped values, the explanation, then each source's value where they differ.
std::string verification_text(const source_check& v);

}  // namespace ocop::cli
