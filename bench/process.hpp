#pragma once
// Child processes and /proc for the benchmark: figures that need a fresh process (the embedded
// catalog's first load, a peak memory per size) run ocop_bench itself with a child flag and read
// the line it prints.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace ocop_bench {

inline std::string read_text(const char* path) {
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

/// What `cmd` printed on stdout; `status` receives its exit status (-1 when it did not exit).
inline std::string run_command(const std::string& cmd, int* status = nullptr) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    int st = pclose(p);
    if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}

inline std::string self_exe() {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : "ocop_bench";
}

/// A "Name:   123 kB" field of a /proc file (/proc/self/status, /proc/meminfo), in bytes; 0 if absent.
inline double proc_kb_field(const char* path, const std::string& name) {
    const std::string text = "\n" + read_text(path);
    const auto at = text.find("\n" + name + ":");
    if (at == std::string::npos) return 0;
    return std::atof(text.c_str() + at + name.size() + 2) * 1024.0;
}

}  // namespace ocop_bench
