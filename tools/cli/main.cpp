// ocop: the command-line tool over the ocop library (docs/cli.md).

#include <algorithm>
#include <iostream>
#include <optional>
#include <utility>

#include "cli.hpp"
#include "language.hpp"
#include "ocop/version.hpp"

namespace {

std::vector<ocop::cli::command> all_commands() {
    std::vector<ocop::cli::command> all;
    for (auto group : {ocop::cli::catalog_commands(), ocop::cli::scoring_commands(), ocop::cli::advise_commands(), ocop::cli::campaign_commands(), ocop::cli::campaign_store_commands(),
                       ocop::cli::demo_commands()})
        for (auto& c : group) all.push_back(std::move(c));
    return all;
}

/// One line per command, the summaries aligned two spaces after the longest name.
void print_command_list(std::ostream& out, const std::vector<ocop::cli::command>& commands) {
    std::size_t width = 0;
    for (const auto& c : commands) width = std::max(width, c.name.size());
    for (const auto& c : commands) out << "  " << c.name << std::string(width + 2 - c.name.size(), ' ') << c.summary << '\n';
}

void print_help(std::ostream& out, const std::vector<ocop::cli::command>& commands) {
    out << "usage: ocop COMMAND [ARGS] [--help]\n\nCommands:\n";
    print_command_list(out, commands);
    out << "\nEvery command: --lang vi|en (output for people in Vietnamese, the default, or English; OCOP_LANG\n"
           "sets the default), --wide (tables are not wrapped to the terminal's width, COLUMNS or the tty).\n"
           "\nExit codes: 0 ok, 1 invalid input or refused event, 2 usage, 3 not found, 4 I/O error, 5 tampered log.\n"
           "ocop " OCOP_VERSION_STRING "\n";
}

void print_group_help(std::ostream& out, const std::string& group, const std::vector<ocop::cli::command>& commands) {
    out << "usage: ocop " << group << " COMMAND [ARGS] [--help]\n\nCommands:\n";
    print_command_list(out, commands);
    out << "\n`ocop " << group << " COMMAND --help` describes one command.\n";
}

/// The longest command name that the words start with ("catalog show" before "catalog"), and how
/// many words it takes; none if no command matches.
std::pair<const ocop::cli::command*, std::size_t> match_command(const std::vector<ocop::cli::command>& commands,
                                                                 const std::vector<std::string>& words) {
    const ocop::cli::command* chosen = nullptr;
    std::size_t used = 0;
    for (const auto& c : commands) {
        std::size_t n = static_cast<std::size_t>(std::count(c.name.begin(), c.name.end(), ' ')) + 1;
        std::string joined;
        for (std::size_t i = 0; i < n && i < words.size(); ++i) joined += (i ? " " : "") + words[i];
        if (joined == c.name && n > used) {
            chosen = &c;
            used = n;
        }
    }
    return {chosen, used};
}

/// A group of commands ("catalog", "campaign") with --help, or alone: prints the group's commands
/// and gives the exit code; nothing if the words name no group.
std::optional<int> group_help(const std::vector<ocop::cli::command>& commands, const std::vector<std::string>& words) {
    std::vector<ocop::cli::command> group;
    for (const auto& c : commands)
        if (c.name.rfind(words[0] + " ", 0) == 0) group.push_back(c);
    const bool asked = words.size() == 2 && (words[1] == "--help" || words[1] == "-h");
    if (group.empty() || !(asked || words.size() == 1)) return std::nullopt;
    print_group_help(asked ? std::cout : std::cerr, words[0], group);
    return asked ? ocop::cli::exit_ok : ocop::cli::exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace ocop::cli;
    std::vector<std::string> words(argv + 1, argv + argc);
    streams io{std::cout, std::cerr};
    try {
        take_global_options(words);
    } catch (const usage_error& e) {
        std::cerr << "ocop: " << e.what() << '\n';
        return exit_usage;
    }
    const auto commands = all_commands();
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        print_help(words.empty() ? std::cerr : std::cout, commands);
        return words.empty() ? exit_usage : exit_ok;
    }
    if (words[0] == "--version") {
        std::cout << "ocop " OCOP_VERSION_STRING "\n";
        return exit_ok;
    }
    const auto [chosen, used] = match_command(commands, words);
    if (!chosen && words.size() <= 2) {
        if (auto code = group_help(commands, words)) return *code;
    }
    if (!chosen) {
        std::cerr << "ocop: unknown command \"" << words[0] << (words.size() > 1 ? " " + words[1] : "") << "\"\n";
        print_help(std::cerr, commands);
        return exit_usage;
    }
    std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(used), words.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end() || std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
        std::cout << chosen->help;
        return exit_ok;
    }
    try {
        return chosen->run(rest, io);
    } catch (const usage_error& e) {
        std::cerr << "ocop " << chosen->name << ": " << e.what() << "\n" << chosen->help;
        return exit_usage;
    } catch (const ocop::error& e) {
        print_error(std::cerr, e);
        return exit_code_for(e);
    } catch (const std::exception& e) {
        std::cerr << "ocop " << chosen->name << ": " << e.what() << '\n';
        return exit_io;
    }
}
