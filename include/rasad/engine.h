// Engine: the one entry point of the rasad library.
//
//   auto engine = rasad::Engine::Open("data");          // loads and checks the dictionaries
//   if (!engine.ok()) { ... engine.status().message() ... }
//   std::vector<rasad::Event> events = engine.value()->Code(article, &diagnostics);
//
// The engine is immutable after Open() and safe to share across threads: Code() may run concurrently.
#ifndef RASAD_ENGINE_H_
#define RASAD_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "rasad/article.h"
#include "rasad/event.h"
#include "rasad/status.h"

namespace rasad {

class Lexicon;

class Engine {
 public:
  // Loads the dictionaries under `data_dir`. Returns an error naming file and line on a bad entry.
  static Result<std::shared_ptr<const Engine>> Open(const std::string& data_dir);

  // Returns the events of `article`, in text order, one per (date, source, target, code). Appends warnings
  // about the article's text (e.g. an unresolvable date) to *diagnostics when it is not null. Never fails.
  std::vector<Event> Code(const Article& article, std::vector<std::string>* diagnostics = nullptr) const;

  // Counts of what one article's analysis saw; filled by Code() when `stats` is not null.
  struct Stats {
    size_t sentences = 0;
    size_t tokens = 0;
  };
  std::vector<Event> Code(const Article& article, std::vector<std::string>* diagnostics, Stats* stats) const;

  const Lexicon& lexicon() const { return *lexicon_; }
  ~Engine();

 private:
  Engine() = default;
  std::unique_ptr<const Lexicon> lexicon_;
  bool debug_ = false;  // RASAD_DEBUG set: print each sentence's mentions to stderr
};

// Returns the directory of rasad's dictionaries: $RASAD_DATA when set, else the source tree's data/.
std::string DefaultDataDir();

}  // namespace rasad

#endif  // RASAD_ENGINE_H_
