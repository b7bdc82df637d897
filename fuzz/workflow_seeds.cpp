// Writes the seed corpora of the workflow fuzz targets into the directory given (tests/fuzz_corpus):
// the events of one dossier's path (ocop_test/dossier_path.hpp) for `event`, the dossier's state after
// each of them for `state`, and its exported event log with damaged variants for `log_import`.
//   build/fuzz/ocop_fuzz_workflow_seeds tests/fuzz_corpus

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <boost/json/serialize.hpp>

#include "ocop/detail/enum_text.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow_json.hpp"
#include "ocop_test/dossier_path.hpp"

namespace {

void write(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / ("seed-" + name), std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <tests/fuzz_corpus>\n", argv[0]);
        return 2;
    }
    const std::filesystem::path root(argv[1]);
    const auto path = ocop::test::certified_path("HN-001");
    ocop::registry reg;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const std::string name = std::to_string(i) + "-" + std::string(ocop::detail::enum_name(path[i].type())) + ".json";
        const ocop::dossier_state& s = reg.apply(path[i]);
        write(root / "event", name, boost::json::serialize(ocop::to_json(path[i])));
        write(root / "state", name, boost::json::serialize(ocop::to_json(s)));
    }
    const std::string log = reg.log().export_jsonl();
    write(root / "log_import", "path.jsonl", log);
    std::size_t third = 0;
    for (int k = 0; k < 3; ++k) third = log.find('\n', third) + 1;
    write(root / "log_import", "first-three.jsonl", log.substr(0, third));
    std::string edited = log;
    edited[edited.find("GCN-0001")] = 'X';
    write(root / "log_import", "edited.jsonl", edited);
    write(root / "log_import", "no-final-newline.jsonl", log.substr(0, log.size() - 1));
    write(root / "log_import", "empty.jsonl", "");
    std::printf("wrote %zu event seeds, %zu state seeds and 5 log seeds\n", path.size(), path.size());
    return 0;
}
