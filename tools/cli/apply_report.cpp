#include "apply_report.hpp"

#include <csignal>
#include <iostream>

#include "ocop/enum_text.hpp"

namespace ocop::cli {

namespace {

volatile std::sig_atomic_t interrupted_by = 0;

extern "C" void record_signal(int signal) { interrupted_by = signal; }

void print_refusal(std::size_t events, std::size_t i, const batch_result& result, bool partial, streams& io) {
    const event_outcome& o = result.outcomes[i];
    io.err << "event " << i + 1 << " of " << events << " (" << to_string(o.type) << ' ' << o.dossier << ") refused; ";
    if (result.committed)
        io.err << "the " << result.applied() << " new event(s) before it were committed (--partial)\n";
    else
        io.err << "nothing was committed (all or nothing" << (partial ? "" : "; --partial commits the events before it") << ")\n";
}

}  // namespace

std::function<bool()> catch_interruptions() {
    for (int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, record_signal);
    return [] { return interrupted_by != 0; };
}

int print_batch(std::size_t events, const batch_result& result, bool partial, streams& io) {
    for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
        const event_outcome& o = result.outcomes[i];
        if (o.what == event_outcome::kind::refused) {
            print_refusal(events, i, result, partial, io);
            print_error(io.err, *o.refusal);
            return exit_code_for(*o.refusal);
        }
        if (!result.committed || o.what == event_outcome::kind::not_attempted) continue;
        const bool applied = o.what == event_outcome::kind::applied;
        io.out << (applied ? "ok " : "already ") << o.index << ' ' << to_string(o.type) << ' ' << o.dossier << '\n';
        for (const auto& w : o.warnings) io.err << "warning: " << o.dossier << ": " << w << '\n';
    }
    return exit_ok;
}

}  // namespace ocop::cli
