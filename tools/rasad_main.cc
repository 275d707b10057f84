// The rasad command: a thin front end over the library. Each subcommand parses its flags and calls the
// library; no coding logic lives here.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"rasad: code Arabic news into CAMEO political events"};
  app.require_subcommand(1);
  rasad::CodeOptions code;
  CLI::App* code_cmd = app.add_subcommand("code", "code articles (files, directories, - or stdin) to events");
  code_cmd->add_option("inputs", code.inputs, "articles: .txt, .jsonl, .jsonl.gz, directories; stdin when none");
  code_cmd->add_option("--date", code.date, "publication date (YYYY-MM-DD) for articles that state none");
  code_cmd->add_option("--format", code.format, "output format: jsonl or table")
      ->check(CLI::IsMember({"jsonl", "table"}));
  code_cmd->add_option("--data", code.data_dir, "dictionary directory (default: $RASAD_DATA or the built-in)");
  code_cmd->add_flag("--stats", code.stats, "print throughput figures to stderr at the end");
  CLI11_PARSE(app, argc, argv);
  if (code_cmd->parsed()) return rasad::RunCode(code);
  return 2;
}
