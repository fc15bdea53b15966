// fuzz/replay_main.cpp — runs a fuzz target over saved inputs, without libFuzzer.
//
//   fuzz_<target> PATH...   each PATH a file or a directory (every file below it,
//                           in name order); each file's bytes are one input.
// The normal build links every target with this main, and ctest replays the
// target's corpus (fuzz/corpus/<target>/) with it: a crash, an abort from
// fuzz::check or an exception fails the test. It answers 2 when no input was
// found, so that a corpus that went missing is not a silent pass.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_target.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const fs::path& path) {
  std::vector<fs::path> out;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file()) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
  } else {
    out.push_back(path);
  }
  return out;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 0;
  try {
    for (int i = 1; i < argc; ++i) {
      for (const auto& file : inputs_of(argv[i])) {
        auto bytes = read_bytes(file);
        std::cout << "replaying " << file.string() << " (" << bytes.size() << " bytes)\n" << std::flush;
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++count;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "replay: " << e.what() << "\n";
    return 1;
  }
  if (count == 0) {
    std::cerr << "replay: no input found under the paths given\n";
    return 2;
  }
  std::cout << count << " inputs replayed without a finding\n";
  return 0;
}
