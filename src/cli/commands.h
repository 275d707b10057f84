// The subcommands of the rasad command, as library functions so that every front end (the CLI today, the
// server later) shares them. Each returns the process exit code: 0 when every input was read, 1 when some
// input failed (the rest was still processed), 2 when nothing could be done (bad flags, no dictionaries).
#ifndef RASAD_CLI_COMMANDS_H_
#define RASAD_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace rasad {

struct CodeOptions {
  std::vector<std::string> inputs;  // empty: standard input
  std::string date;                 // YYYY-MM-DD for articles with no date; empty: none
  std::string format = "jsonl";     // jsonl or table
  std::string data_dir;             // empty: DefaultDataDir()
  bool stats = false;               // throughput figures on stderr
};

// `rasad code`: reads articles and writes their events to standard output.
int RunCode(const CodeOptions& options);

}  // namespace rasad

#endif  // RASAD_CLI_COMMANDS_H_
