// factorvae-layer-check ROOT RULES [STAMP]: checks the includes of ROOT's layers against RULES; prints each
// violation as FILE:LINE: error: … and exits 1, else touches STAMP (for the build) and exits 0.
#include <fstream>
#include <iostream>

#include "layer_check.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: factorvae-layer-check ROOT RULES [STAMP]\n";
    return 2;
  }
  try {
    const auto violations = layer_check::check(argv[1], layer_check::read_rules(argv[2]));
    for (const auto& v : violations) std::cerr << v.file << ":" << v.line << ": error: " << v.message << "\n";
    if (!violations.empty()) {
      std::cerr << violations.size() << " include(s) break the layering (cmake/layers.txt)\n";
      return 1;
    }
    if (argc > 3) std::ofstream(argv[3]) << "ok\n";
  } catch (const std::exception& e) {
    std::cerr << "factorvae-layer-check: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
