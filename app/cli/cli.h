#pragma once
// kiln-cli: every engine capability as a command. The executable's main() only forwards here, so
// the commands are testable as a library and as a process.

#include <cstdio>
#include <string>
#include <vector>

namespace kiln::cli {

// Runs one command line (without the program name). Writes results to `out`, messages and
// progress to `err`. Returns the process exit code: 0 success, 1 failure, 2 usage error.
int run(const std::vector<std::string> &args, std::FILE *out = stdout, std::FILE *err = stderr);

} // namespace kiln::cli
